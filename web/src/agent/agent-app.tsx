/** The agent side: sign in, then the inbox. */
import { apiCall } from '../shared/api.ts';
import { useSignedInAgent } from '../shared/use-signed-in-agent.ts';
import { Inbox } from './inbox.tsx';
import { SignIn } from './sign-in.tsx';

export const AgentApp = () => {
  const [agent, setAgent] = useSignedInAgent();

  if (agent === undefined) return <p className="loading">Loading…</p>;
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
