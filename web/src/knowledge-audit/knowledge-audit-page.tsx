/**
 * The knowledge audit page (/knowledge-audit, SPEC §8): articles that contradict each other (a
 * fact stated with different numbers), near-duplicates, and articles not reviewed for the set
 * time; each finding links to its articles on the knowledge page. Ops and admins set the time.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type {
  AuditFindingView,
  KnowledgeAuditSettingsRequest,
  KnowledgeAuditView,
} from '../../../src/api/knowledge-audit-schemas.ts';
import { CoachingFrame } from '../review/coaching-frame.tsx';
import { apiCall } from '../shared/api.ts';
import '../gaps/gaps.css';

type ArticleRef = { readonly id: string; readonly title: string; readonly slug: string };

const ArticleLink = ({ article }: { article: ArticleRef }) => (
  <a href={`/knowledge?article=${encodeURIComponent(article.id)}`}>{article.title}</a>
);

const Finding = ({ finding }: { finding: AuditFindingView }) => {
  switch (finding.kind) {
    case 'contradiction':
      return (
        <li className="gap" data-testid="audit-contradiction">
          <h3>
            Contradiction: <ArticleLink article={finding.articles[0]} /> and{' '}
            <ArticleLink article={finding.articles[1]} />
          </h3>
          <ul>
            {finding.facts.map((fact) => (
              <li key={`${fact.left.sentence}|${fact.right.sentence}`}>
                <strong>{fact.left.quoted}</strong> vs <strong>{fact.right.quoted}</strong> ({fact.dimension}
                ): “{fact.left.sentence}” / “{fact.right.sentence}”
              </li>
            ))}
          </ul>
        </li>
      );
    case 'near_duplicate':
      return (
        <li className="gap" data-testid="audit-duplicate">
          <h3>
            Near-duplicates: <ArticleLink article={finding.articles[0]} /> and{' '}
            <ArticleLink article={finding.articles[1]} />
          </h3>
          <p className="gap-meta">
            {Math.round(finding.similarity * 100)}% alike: merge them into one article.
          </p>
        </li>
      );
    case 'stale':
      return (
        <li className="gap" data-testid="audit-stale">
          <h3>
            Not reviewed: <ArticleLink article={finding.article} />
          </h3>
          <p className="gap-meta">
            Last reviewed or edited {finding.daysSince} days ago ({finding.lastCheckedAt.slice(0, 10)}).
          </p>
        </li>
      );
  }
};

const ReviewSetting = ({
  audit,
  onSaved,
}: {
  audit: KnowledgeAuditView;
  onSaved: (v: KnowledgeAuditView) => void;
}) => {
  const [days, setDays] = useState(String(audit.reviewEveryDays));
  const [status, setStatus] = useState<string | null>(null);
  if (!audit.canChange)
    return (
      <p>Articles are listed when not reviewed for {audit.reviewEveryDays} days (ops and admins set this).</p>
    );
  const save = (event: FormEvent) => {
    event.preventDefault();
    const body: KnowledgeAuditSettingsRequest = { reviewEveryDays: Number(days) };
    apiCall<KnowledgeAuditView>('PUT', '/api/coaching/knowledge-audit/settings', { body })
      .then((view) => {
        onSaved(view);
        setStatus(`Saved: articles not reviewed for ${view.reviewEveryDays} days are listed.`);
      })
      .catch((problem: Error) => setStatus(problem.message));
  };
  return (
    <form className="ops-save" onSubmit={save}>
      <label className="ops-field">
        <span>Review every (days)</span>
        <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <button type="submit">Save</button>
      {status && <p role="status">{status}</p>}
    </form>
  );
};

const sections = [
  ['contradiction', 'Contradicting facts'],
  ['near_duplicate', 'Near-duplicate articles'],
  ['stale', 'Not reviewed for a while'],
] as const;

const Audit = () => {
  const [audit, setAudit] = useState<KnowledgeAuditView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    apiCall<KnowledgeAuditView>('GET', '/api/coaching/knowledge-audit')
      .then(setAudit)
      .catch((problem: Error) => setError(problem.message));
  }, []);
  if (error) return <p className="review-error">{error}</p>;
  if (!audit) return <p className="loading">Auditing the articles…</p>;
  return (
    <>
      <p data-testid="audit-summary">
        {audit.articles} published articles audited: {audit.findings.length} finding
        {audit.findings.length === 1 ? '' : 's'}.
      </p>
      <ReviewSetting audit={audit} onSaved={setAudit} />
      {sections.map(([kind, title]) => {
        const found = audit.findings.filter((finding) => finding.kind === kind);
        return (
          <section key={kind} aria-labelledby={`audit-${kind}`}>
            <h2 id={`audit-${kind}`}>
              {title} ({found.length})
            </h2>
            {found.length === 0 ? (
              <p>None.</p>
            ) : (
              <ol className="gaps">
                {found.map((finding) => (
                  <Finding key={JSON.stringify(finding)} finding={finding} />
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </>
  );
};

export const KnowledgeAuditPage = () => (
  <CoachingFrame
    title="Knowledge audit"
    links={[
      ['/agent', 'Inbox'],
      ['/knowledge', 'Knowledge'],
      ['/gaps', 'Knowledge gaps'],
      ['/review', 'Review'],
    ]}
  >
    {() => <Audit />}
  </CoachingFrame>
);
