/** The ops console (SPEC §5, §6, §1 "Knowledge & ops"): escalation policy, handoff wording, integration health, the AI model, webhooks. */

import { SignIn } from '../agent/sign-in.tsx';
import { useSignedInAgent } from '../shared/use-signed-in-agent.ts';
import { IntegrationsSection } from './integrations-section.tsx';
import { LlmSection } from './llm-section.tsx';
import { PolicySection } from './policy-section.tsx';
import { TemplatesSection } from './templates-section.tsx';
import { WebhooksSection } from './webhooks-section.tsx';
import './ops.css';

export const OpsPage = () => {
  const [agent, setAgent] = useSignedInAgent();

  if (agent === undefined) return <p className="loading">Loading…</p>;
  if (!agent) return <SignIn onSignedIn={setAgent} />;
  const editor = agent.role === 'ops' || agent.role === 'admin';
  return (
    <div className="ops">
      <header className="ops-bar">
        <a className="brand" href="/">
          Baton
        </a>
        <h1 className="ops-title">Ops console</h1>
        <span className="spacer" />
        <a href="/agent">Inbox</a>
        <a href="/review">Review</a>
        <span className="who">
          {agent.name} ({agent.role})
        </span>
      </header>
      {!editor && (
        <p className="ops-readonly" data-testid="ops-read-only">
          You can read everything here; only ops and admins can change the policy, the handoff wording and the
          AI model.
        </p>
      )}
      <main className="ops-main">
        <PolicySection />
        <TemplatesSection />
        <IntegrationsSection />
        <LlmSection editor={editor} />
        {editor && <WebhooksSection />}
      </main>
    </div>
  );
};
