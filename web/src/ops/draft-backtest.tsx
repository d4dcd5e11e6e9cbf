/**
 * "Backtest this draft" (SPEC §5): the policy text in the editor is decided against recorded
 * conversations before it is published — per category and reason under the current policy and the
 * draft, misses and needless handoffs where people judged them, and the conversations that change.
 */
import { useId, useState } from 'react';
import type { PolicyBacktestRequest, PolicyBacktestView } from '../../../src/api/policy-backtest-schemas.ts';
import { conversationHref } from '../agent/selected-conversation.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import { ProblemList, type ShownProblem } from './problem-list.tsx';

const windows = [
  { value: '7', label: 'Last 7 days' },
  { value: '28', label: 'Last 28 days' },
  { value: '90', label: 'Last 90 days' },
  { value: 'all', label: 'Everything recorded' },
] as const;

type Outcome =
  | { kind: 'idle' }
  | { kind: 'done'; view: PolicyBacktestView; yaml: string }
  | { kind: 'problems'; problems: readonly ShownProblem[] }
  | { kind: 'failed'; message: string };

const problemsOf = (details: unknown): ShownProblem[] =>
  Array.isArray(details)
    ? details.map((d: { path?: unknown; message?: unknown }) => ({
        where: String(d.path),
        what: String(d.message),
      }))
    : [];

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

const CategoryTable = ({ view }: { view: PolicyBacktestView }) => {
  const names = [
    ...new Set([...Object.keys(view.baseline.byCategory), ...Object.keys(view.draft.byCategory)]),
  ];
  return (
    <table className="ops-table" data-testid="backtest-by-category">
      <caption>Handoffs per category</caption>
      <thead>
        <tr>
          <th scope="col">Category</th>
          <th scope="col">Conversations</th>
          <th scope="col">Handoffs now</th>
          <th scope="col">Handoffs with the draft</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {names.sort().map((name) => {
          const now = view.baseline.byCategory[name]?.escalated ?? 0;
          const draft = view.draft.byCategory[name]?.escalated ?? 0;
          return (
            <tr key={name} className={now === draft ? '' : 'ops-changed'}>
              <th scope="row">{name}</th>
              <td>{view.baseline.byCategory[name]?.conversations ?? 0}</td>
              <td>{now}</td>
              <td>{draft}</td>
              <td>{signed(draft - now)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
};

const ReasonTable = ({ view }: { view: PolicyBacktestView }) => {
  const names = [...new Set([...Object.keys(view.baseline.byReason), ...Object.keys(view.draft.byReason)])];
  if (names.length === 0) return <p className="hint">No handoff under either policy.</p>;
  return (
    <table className="ops-table" data-testid="backtest-by-reason">
      <caption>Handoffs per reason (a handoff may have several)</caption>
      <thead>
        <tr>
          <th scope="col">Reason</th>
          <th scope="col">Now</th>
          <th scope="col">With the draft</th>
        </tr>
      </thead>
      <tbody>
        {names.sort().map((name) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{view.baseline.byReason[name] ?? 0}</td>
            <td>{view.draft.byReason[name] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const LabelledTable = ({ view }: { view: PolicyBacktestView }) =>
  view.judged === 0 ? (
    <p className="hint">
      No conversation in this window was judged (review labels, agents' verdicts), so misses cannot be
      counted.
    </p>
  ) : (
    <table className="ops-table" data-testid="backtest-labelled">
      <caption>Where people judged the conversation ({view.judged} judged)</caption>
      <thead>
        <tr>
          <th scope="col">Outcome</th>
          <th scope="col">Now</th>
          <th scope="col">With the draft</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Missed handoffs (a person was needed)</th>
          <td>{view.labelled.baselineMisses}</td>
          <td>{view.labelled.draftMisses}</td>
        </tr>
        <tr>
          <th scope="row">Needless handoffs</th>
          <td>{view.labelled.baselineNeedless}</td>
          <td>{view.labelled.draftNeedless}</td>
        </tr>
      </tbody>
    </table>
  );

const decisionText = (d: PolicyBacktestView['changedConversations'][number]['draft']) =>
  d.reasons.length > 0 ? `${d.action} (${d.reasons.join(', ')})` : d.action;

const ChangedList = ({ view }: { view: PolicyBacktestView }) => (
  <>
    <h4>
      Conversations that change: {view.changed}
      {view.changed > view.changedConversations.length
        ? ` (the first ${view.changedConversations.length})`
        : ''}
    </h4>
    {view.changedConversations.length > 0 && (
      <ul className="ops-history" data-testid="backtest-changed">
        {view.changedConversations.map((c) => (
          <li key={c.id}>
            <a href={conversationHref(c.id)}>Conversation {c.id.slice(0, 8)}</a> · {c.baseline.category}:{' '}
            {decisionText(c.baseline)} → {decisionText(c.draft)}
            {c.need ? ` · people said a person was ${c.need === 'needed' ? 'needed' : 'not needed'}` : ''}
          </li>
        ))}
      </ul>
    )}
  </>
);

const Results = ({ view, stale }: { view: PolicyBacktestView; stale: boolean }) => (
  <div className="ops-version" data-testid="policy-backtest">
    <p role="status">
      {view.conversations} conversations (
      {view.days === null ? 'everything recorded' : `last ${view.days} days`}) decided again under version{' '}
      {view.policyVersion} and the draft: handoffs {view.baseline.escalated} → {view.draft.escalated};{' '}
      {view.changed} change.
    </p>
    {stale && (
      <p className="error" role="alert">
        The draft changed after this backtest; run it again before publishing.
      </p>
    )}
    <CategoryTable view={view} />
    <ReasonTable view={view} />
    <LabelledTable view={view} />
    <ChangedList view={view} />
  </div>
);

/** The words default to the policy editor's; the ops console's suggested draft passes its own. */
export const DraftBacktest = ({
  yaml,
  heading = 'Backtest this draft',
  hint = 'Decides the recorded conversations again under the published policy and the text above, without publishing anything.',
  buttonLabel = 'Backtest this draft',
}: {
  readonly yaml: string;
  readonly heading?: string;
  readonly hint?: string;
  readonly buttonLabel?: string;
}) => {
  // Two of these can be on the page (the editor's and the suggested draft's): ids must differ.
  const headingId = useId();
  const [span, setSpan] = useState<string>('28');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const run = async () => {
    setBusy(true);
    try {
      const body: PolicyBacktestRequest = { yaml, days: span === 'all' ? null : Number(span) };
      const view = await apiCall<PolicyBacktestView>('POST', '/api/ops/policy/backtest', { body });
      setOutcome({ kind: 'done', view, yaml });
    } catch (error) {
      const problems = error instanceof ApiError && error.status === 422 ? problemsOf(error.details) : [];
      setOutcome(
        problems.length > 0
          ? { kind: 'problems', problems }
          : {
              kind: 'failed',
              message: error instanceof Error ? error.message : 'The backtest failed. Try again.',
            },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      <p className="hint">{hint}</p>
      <div className="ops-save">
        <label className="ops-field">
          <span>Conversations to replay</span>
          <select value={span} onChange={(e) => setSpan(e.target.value)}>
            {windows.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy} onClick={() => void run()}>
          {busy ? 'Backtesting…' : buttonLabel}
        </button>
      </div>
      {outcome.kind === 'done' && <Results view={outcome.view} stale={outcome.yaml !== yaml} />}
      {outcome.kind === 'problems' && (
        <ProblemList
          title="Not backtested. Fix these first:"
          problems={outcome.problems}
          testId="backtest-problems"
        />
      )}
      {outcome.kind === 'failed' && (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      )}
    </section>
  );
};
