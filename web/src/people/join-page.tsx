/** Where an invitation or password-reset link lands (/join?token=…): choose your password. */
import { type FormEvent, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { linkViewSchema } from '../../../src/api/company-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import '../agent/sign-in.css';

type LinkView = z.infer<typeof linkViewSchema>;

export const JoinPage = () => {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [link, setLink] = useState<LinkView | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    apiCall<LinkView>('POST', '/api/people-links/open', { body: { token } })
      .then(setLink)
      .catch((e: unknown) =>
        setError(e instanceof ApiError ? e.message : 'Could not reach Baton. Try again.'),
      );
  }, [token]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await apiCall('POST', '/api/people-links/accept', { body: { token, password } });
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not reach Baton. Try again.');
    }
  };
  if (done) {
    return (
      <main className="sign-in">
        <div className="card">
          <h1>You are all set</h1>
          <a className="button" href="/agent">
            Sign in
          </a>
        </div>
      </main>
    );
  }
  return (
    <main className="sign-in">
      <form className="card" onSubmit={submit}>
        <h1>
          {link ? (link.kind === 'invitation' ? `Join ${link.workspace}` : 'Choose a new password') : 'Baton'}
        </h1>
        {link ? (
          <p>
            {link.name} ({link.email})
          </p>
        ) : null}
        <label>
          Choose a password
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          <span className="hint">At least 10 characters.</span>
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={!link}>
          {link?.kind === 'password_reset' ? 'Set password' : 'Join'}
        </button>
      </form>
    </main>
  );
};
