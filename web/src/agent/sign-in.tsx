import { type FormEvent, useState } from 'react';
import type { AgentView } from '../../../src/api/schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import './sign-in.css';

export const SignIn = ({ onSignedIn }: { onSignedIn: (agent: AgentView) => void }) => {
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
        <h1>Sign in to Baton</h1>
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
        <p className="hint">The demo agents and their passwords are printed when Baton starts.</p>
      </form>
    </main>
  );
};
