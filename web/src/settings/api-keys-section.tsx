/** The API keys section of the settings page: create a key with scopes (its secret shown once), list and revoke keys. */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { apiKeyViewSchema } from '../../../src/api/api-key-schemas.ts';
import { apiKeyScopes } from '../../../src/core/auth/api-key-scopes.ts';
import { ApiError, apiCall } from '../shared/api.ts';

type ApiKeyView = z.infer<typeof apiKeyViewSchema>;
type Scope = (typeof apiKeyScopes)[number];

const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : 'Could not reach Baton. Try again.';

const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString() : 'never');

export const ApiKeysSection = () => {
  const [keys, setKeys] = useState<readonly ApiKeyView[]>([]);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<readonly Scope[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    apiCall<{ keys: ApiKeyView[] }>('GET', '/api/settings/api-keys')
      .then((loaded) => setKeys(loaded.keys))
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(reload, [reload]);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await apiCall<{ secret: string }>('POST', '/api/settings/api-keys', {
        body: { name, scopes },
      });
      setSecret(created.secret);
      setName('');
      setScopes([]);
      reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const revoke = async (key: ApiKeyView) => {
    setError(null);
    try {
      await apiCall('POST', `/api/settings/api-keys/${key.id}/revoke`);
      reload();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys</h2>
      <p>
        Keys let your own systems call Baton (Authorization: Bearer …). Each key can do only what its scopes
        allow.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {secret && (
        <div className="one-time-link" role="status">
          <p>Copy the key now: it is shown this once and stored only as a hash.</p>
          <input readOnly aria-label="New API key" value={secret} onFocus={(e) => e.target.select()} />
        </div>
      )}
      <form onSubmit={create} aria-labelledby="new-key-heading">
        <h3 id="new-key-heading">Create a key</h3>
        <label>
          Key name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {apiKeyScopes.map((scope) => (
            <label key={scope} className="inline">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(e) =>
                  setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))
                }
              />
              {scope}
            </label>
          ))}
        </fieldset>
        <button type="submit">Create key</button>
      </form>
      <table className="keys">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <th scope="row">
                {key.name} <code>{key.prefix}…</code>
              </th>
              <td>{key.scopes.join(', ')}</td>
              <td>{when(key.createdAt)}</td>
              <td>{when(key.lastUsedAt)}</td>
              <td>
                {key.revokedAt ? (
                  `revoked ${when(key.revokedAt)}`
                ) : (
                  <button type="button" onClick={() => void revoke(key)}>
                    Revoke {key.name}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
};
