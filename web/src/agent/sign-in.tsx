import { type FormEvent, useState } from 'react';
import type { AgentView } from '../../../src/api/schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import './sign-in.css';

/** The agent sign-in form; pages that need a session show it in place, so signing in keeps you there. */
export const SignIn = ({
  onSignedIn,
  title = 'Sign in to Baton',
}: {
  onSignedIn: (agent: AgentView) => void;
  title?: string;
}) => {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await apiCall<{ agent: AgentView }>('POST', '/api/auth/sign-in', {
        body: { email, password },
      });
      onSignedIn(result.agent);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not reach Baton. Try again.');
    }
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} className="card">
        <h1>{title}</h1>
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">Sign in</button>
        <p className="hint">
          Ask your admin for an account. On the demo, the demo agents and their passwords are printed when
          Baton starts.
        </p>
      </form>
    </main>
  );
};
