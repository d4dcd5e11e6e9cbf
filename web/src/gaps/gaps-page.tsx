/**
 * Knowledge gaps (SPEC §8): questions the knowledge base answered weakly or not at all, clustered,
 * with size, trend, share per week and examples. From a gap, ops draft an article from the agents'
 * replies, edit it and publish it; the gap closes as its questions start matching the new article.
 */
import { useEffect, useState } from 'react';
import type { ArticleDraftView, KnowledgeGapView } from '../../../src/api/gaps-schemas.ts';
import type { AgentView } from '../../../src/api/schemas.ts';
import { CoachingFrame } from '../review/coaching-frame.tsx';
import { apiCall } from '../shared/api.ts';
import './gaps.css';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

const ArticleEditor = ({ draft, canPublish }: { draft: ArticleDraftView; canPublish: boolean }) => {
  const [markdown, setMarkdown] = useState(draft.markdown);
  const [status, setStatus] = useState<string | null>(null);
  const publish = () =>
    apiCall<{ slug: string; title: string }>('POST', '/api/coaching/articles', { body: { markdown } })
      .then((article) => setStatus(`Published “${article.title}” (${article.slug}).`))
      .catch((problem: Error) => setStatus(problem.message));
  return (
    <div className="gap-draft">
      <p>
        Drafted from {draft.replies} agent repl{draft.replies === 1 ? 'y' : 'ies'}. Edit it, then publish.
      </p>
      <label>
        Article (Markdown with front matter)
        <textarea value={markdown} onChange={(event) => setMarkdown(event.target.value)} rows={12} />
      </label>
      {canPublish ? (
        <button type="button" onClick={() => void publish()}>
          Publish article
        </button>
      ) : (
        <p>Only ops and admins publish articles.</p>
      )}
      {status && <p role="status">{status}</p>}
    </div>
  );
};

const GapCard = ({ gap, canPublish }: { gap: KnowledgeGapView; canPublish: boolean }) => {
  const [draft, setDraft] = useState<ArticleDraftView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const write = () =>
    apiCall<ArticleDraftView>('POST', `/api/coaching/gaps/${encodeURIComponent(gap.id)}/draft`)
      .then(setDraft)
      .catch((problem: Error) => setError(problem.message));
  return (
    <li className="gap" data-testid="gap">
      <h2>{gap.label}</h2>
      <p className="gap-meta">
        {gap.conversations} conversations · {gap.category ?? 'no category'} · trend {gap.trend}
        {gap.fromLabels > 0 ? ` · ${gap.fromLabels} labelled missing article` : ''}
      </p>
      <table className="gap-weeks">
        <caption>Share of all questions per week</caption>
        <thead>
          <tr>
            {gap.weekly.map((week) => (
              <th key={week.week} scope="col">
                {week.week}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {gap.weekly.map((week) => (
              <td key={week.week}>
                {week.questions} ({percent(week.share)})
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <ul className="gap-examples">
        {gap.examples.map((example) => (
          <li key={example}>{example}</li>
        ))}
      </ul>
      {draft ? (
        <ArticleEditor draft={draft} canPublish={canPublish} />
      ) : (
        <button type="button" onClick={() => void write()}>
          Write an article
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </li>
  );
};

const GapList = ({ agent }: { agent: AgentView }) => {
  const [gaps, setGaps] = useState<KnowledgeGapView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    apiCall<{ gaps: KnowledgeGapView[] }>('GET', '/api/coaching/gaps')
      .then((body) => setGaps(body.gaps))
      .catch((problem: Error) => setError(problem.message));
  }, []);
  if (error) return <p className="review-error">{error}</p>;
  if (!gaps) return <p className="loading">Finding gaps…</p>;
  if (gaps.length === 0) return <p>No knowledge gaps in the last four weeks.</p>;
  const canPublish = agent.role === 'ops' || agent.role === 'admin';
  return (
    <ol className="gaps">
      {gaps.map((gap) => (
        <GapCard key={gap.id} gap={gap} canPublish={canPublish} />
      ))}
    </ol>
  );
};

export const GapsPage = () => (
  <CoachingFrame
    title="Knowledge gaps"
    links={[
      ['/agent', 'Inbox'],
      ['/review', 'Review'],
      ['/calibration', 'Calibration'],
      ['/ops', 'Ops console'],
    ]}
  >
    {(agent) => <GapList agent={agent} />}
  </CoachingFrame>
);
