/** The frame the coaching pages share (review, gaps, calibration): sign-in when needed, then a bar with the page's title and links. */
import type { ReactNode } from 'react';
import type { AgentView } from '../../../src/api/schemas.ts';
import { SignIn } from '../agent/sign-in.tsx';
import { useSignedInAgent } from '../shared/use-signed-in-agent.ts';
import '../ops/ops.css';
import './review.css';

interface CoachingFrameProps {
  readonly title: string;
  /** The other pages the bar links to, as [href, label]. */
  readonly links: readonly (readonly [string, string])[];
  readonly children: (agent: AgentView) => ReactNode;
}

export const CoachingFrame = ({ title, links, children }: CoachingFrameProps) => {
  const [agent, setAgent] = useSignedInAgent();
  if (agent === undefined) return <p className="loading">Loading…</p>;
  if (!agent) return <SignIn onSignedIn={setAgent} />;
  return (
    <div className="ops review">
      <header className="ops-bar">
        <a className="brand" href="/">
          Baton
        </a>
        <h1 className="ops-title">{title}</h1>
        <span className="spacer" />
        {links.map(([href, label]) => (
          <a key={href} href={href}>
            {label}
          </a>
        ))}
        <span className="who">
          {agent.name} ({agent.role})
        </span>
      </header>
      <main className="review-main">{children(agent)}</main>
    </div>
  );
};
