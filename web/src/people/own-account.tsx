/** Your own account: change your password (your other sessions end) and see your sessions. */
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ownSessionsSchema } from '../../../src/api/company-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';

type Sessions = z.infer<typeof ownSessionsSchema>;

export const OwnAccount = () => {
  const [sessions, setSessions] = useState<Sessions>([]);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const reload = useCallback(() => {
    apiCall<Sessions>('GET', '/api/people/me/sessions')
      .then(setSessions)
      .catch(() => setSessions([]));
  }, []);
  useEffect(reload, [reload]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      await apiCall('PUT', '/api/people/me/password', {
        body: { currentPassword: current, newPassword: next },
      });
      setMessage({ kind: 'done', text: 'Password changed. Your other sessions were signed out.' });
      setCurrent('');
      setNext('');
      reload();
    } catch (e) {
      setMessage({
        kind: 'error',
        text: e instanceof ApiError ? e.message : 'Could not reach Baton. Try again.',
      });
    }
  };
  return (
    <section aria-labelledby="own-heading">
      <h2 id="own-heading">Your account</h2>
      <form onSubmit={submit} className="own-password">
        <label>
          Current password
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </label>
        <label>
          New password
          <input
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            required
          />
        </label>
        {message && (
          <p
            className={message.kind === 'error' ? 'error' : 'done'}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
        <button type="submit">Change password</button>
      </form>
      <h3>Your sessions</h3>
      <ul className="sessions">
        {sessions.map((s) => (
          <li key={s.createdAt}>
            Signed in {new Date(s.createdAt).toLocaleString()}, until {new Date(s.expiresAt).toLocaleString()}
            {s.current ? ' (this browser)' : ''}
          </li>
        ))}
      </ul>
    </section>
  );
};
