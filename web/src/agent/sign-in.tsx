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
  // `?workspace=slug` names the company's workspace on an install with several (docs/workspaces.md).
  const [workspace, setWorkspace] = useState(
    () => new URLSearchParams(window.location.search).get('workspace') ?? '',
  );
  const [error, setError] = useState<string | null>(null);
  const slug = workspace.trim().toLowerCase();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await apiCall<{ agent: AgentView }>('POST', '/api/auth/sign-in', {
        // No slug: the install's default workspace, as before several workspaces existed.
        body: slug ? { email, password, workspace: slug } : { email, password },
      });
      onSignedIn(result.agent);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Could not reach Baton. Try again.');
    }
  };

  return (
    <main className="sign-in">
      {/* Email and password come first (the usual case, and the keyboard's first stops); the
          workspace is only needed on an install with several. */}
      <form onSubmit={submit} className="card">
        <h1>{title}</h1>
        <p className="hint" aria-live="polite">
          {slug
            ? `Signing in to the workspace “${slug}”.`
            : "Signing in to this install's default workspace."}
        </p>
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
        <label>
          Workspace
          <input
            name="workspace"
            autoComplete="organization"
            placeholder="default"
            aria-describedby="workspace-hint"
            value={workspace}
            onChange={(e) => setWorkspace(e.target.value)}
          />
        </label>
        <p id="workspace-hint" className="hint">
          Your company's workspace slug; leave empty for this install's default workspace.
        </p>
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
