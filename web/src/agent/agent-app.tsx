/** The agent side: sign in, then the inbox. */
import { useEffect, useState } from 'react';
import type { AgentView } from '../../../src/api/schemas.ts';
import { apiCall } from '../shared/api.ts';
import { Inbox } from './inbox.tsx';
import { SignIn } from './sign-in.tsx';

export const AgentApp = () => {
  const [agent, setAgent] = useState<AgentView | null>(null);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    apiCall<AgentView>('GET', '/api/agents/me')
      .then(setAgent)
      .catch(() => setAgent(null))
      .finally(() => setChecked(true));
  }, []);

  if (!checked) return <p className="loading">Loading…</p>;
  if (!agent) return <SignIn onSignedIn={setAgent} />;
  return (
    <Inbox
      agent={agent}
      onAgentChange={setAgent}
      onSignedOut={() => {
        void apiCall('POST', '/api/auth/sign-out').finally(() => setAgent(null));
      }}
    />
  );
};
