/**
 * The policy draft an accepted threshold suggestion became (issue 14 item 6), above the policy
 * editor: what it changes, who accepted it and why, the suggestion's backtest numbers, and three
 * actions — backtest it like any draft, publish it as the next version with its note, or discard it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PolicyView } from '../../../src/api/ops-schemas.ts';
import {
  type PolicyDraftAction,
  type PolicyDraftResponse,
  type PolicyDraftView,
  policyDraftResponseSchema,
} from '../../../src/api/policy-draft-schemas.ts';
import { ApiError, apiCall } from '../shared/api.ts';
import { DraftBacktest } from './draft-backtest.tsx';
import { formatTime } from './problem-list.tsx';

const threshold = (value: number) => value.toFixed(2);
const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

const Numbers = ({ draft }: { draft: PolicyDraftView }) => {
  const { before, after, conversations, days } = draft.backtest;
  return (
    <p className="hint" data-testid="policy-draft-numbers">
      The suggestion’s backtest over {conversations} conversations of the last {days} days: AI resolution{' '}
      {percent(before.aiResolution)} → {percent(after.aiResolution)}, wrong answers sent {before.wrongAnswers}{' '}
      → {after.wrongAnswers}, handoffs {before.handoffs} → {after.handoffs}.
    </p>
  );
};

export const SuggestedDraft = ({ onPublished }: { onPublished: () => Promise<void> }) => {
  const [view, setView] = useState<PolicyDraftResponse | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const load = useCallback(
    () =>
      apiCall<unknown>('GET', '/api/ops/policy/draft')
        .then((result) => setView(policyDraftResponseSchema.parse(result)))
        // Agents read the ops console too, but drafts are for qa, ops and admins: nothing to show them.
        .catch((problem: Error) => {
          if (!(problem instanceof ApiError && problem.status === 403)) setStatus(problem.message);
        }),
    [],
  );
  useEffect(() => void load(), [load]);

  const draft = view?.draft;
  if (!draft) return status ? <p role="status">{status}</p> : null;
  const body: PolicyDraftAction = { draft: draft.draft };
  const publish = () =>
    apiCall<PolicyView>('POST', '/api/ops/policy/draft/publish', { body })
      .then(async (published) => {
        setStatus(`Published the draft as version ${published.version}.`);
        await Promise.all([load(), onPublished()]);
      })
      .catch((problem: Error) => setStatus(problem.message));
  const discard = () =>
    apiCall<unknown>('POST', '/api/ops/policy/draft/discard', { body })
      .then(async () => {
        setStatus('Discarded the draft; the published policy is unchanged.');
        await load();
      })
      .catch((problem: Error) => setStatus(problem.message));

  return (
    <section className="ops-version ops-draft" aria-labelledby="ops-draft-title" data-testid="policy-draft">
      <h3 id="ops-draft-title">
        Draft from threshold suggestion: {draft.category} {threshold(draft.fromThreshold)} →{' '}
        {threshold(draft.toThreshold)}, by {draft.byName}
      </h3>
      <p>
        Made from version {draft.basedOnVersion} · {formatTime(draft.createdAt)} · “{draft.why}”. Nothing
        changes for customers until it is published.
      </p>
      <Numbers draft={draft} />
      <DraftBacktest
        yaml={draft.yaml}
        heading="Backtest the suggested draft"
        hint="Decides the recorded conversations again under the published policy and this draft."
        buttonLabel="Backtest"
      />
      {view.canChange && (
        <div className="ops-save">
          <button type="button" onClick={() => void publish()}>
            Publish
          </button>
          <button type="button" onClick={() => void discard()}>
            Discard
          </button>
        </div>
      )}
      {status && <p role="status">{status}</p>}
    </section>
  );
};
