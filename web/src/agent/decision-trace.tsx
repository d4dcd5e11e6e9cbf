/**
 * "Why did the AI do this?" (SPEC §3): the latest decision in plain sentences first, then the
 * evidence it weighed — signals that fired, category scores, retrieval, thresholds — and the raw trace.
 */
import type { DecisionTrace as CoreTrace } from '../../../src/core/triage/decision/decision-types.ts';

/**
 * The trace as a live decision stores it: the store's policy version number with the document's
 * label beside it (decisions stored before numbering cite the label alone).
 */
type Trace = Omit<CoreTrace, 'policyVersion'> & {
  readonly policyVersion: number | string;
  readonly policyLabel?: string;
};

const policyCitation = (trace: Trace): string =>
  typeof trace.policyVersion === 'number'
    ? `v${trace.policyVersion}${trace.policyLabel ? ` (${trace.policyLabel})` : ''}`
    : trace.policyVersion;

const isTrace = (value: unknown): value is Trace =>
  typeof value === 'object' && value !== null && 'why' in value && 'category' in value && 'signals' in value;

const percent = (value: number) => `${Math.round(value * 100)}%`;

const firedSignals = (trace: Trace): string[] =>
  Object.entries(trace.signals.values)
    .filter(
      ([, value]) => value === true || (typeof value === 'number' && value !== 0 && !Number.isNaN(value)),
    )
    .map(([name, value]) =>
      value === true ? name : `${name} ${typeof value === 'number' ? value.toFixed(2) : ''}`,
    );

/**
 * The answer attempt in words that agree with the policy line below it. The answerer declines on
 * its own evidence rules before the policy's bar applies, so a declined attempt shows no
 * confidence figure to set against that bar (it stays in the full trace).
 */
const knowledgeLine = (trace: Trace): string => {
  const retrieval = trace.retrieval;
  if (retrieval.kind === 'failed') return `the answerer failed: ${retrieval.error}`;
  if (retrieval.kind === 'no_answer') {
    return `no answer drafted${retrieval.reason ? ` — ${retrieval.reason}` : ''}`;
  }
  const confidence = percent(retrieval.confidence);
  return retrieval.confidence >= trace.thresholds.answerConfidence
    ? `drafted an answer at ${confidence} confidence`
    : `drafted an answer at ${confidence} confidence, below the policy’s ${percent(trace.thresholds.answerConfidence)}, so it was not sent`;
};

export const DecisionTrace = ({ decision }: { decision: Record<string, unknown> }) => {
  const trace = decision.trace;
  const action = decision.action === 'escalate' ? 'hand this over' : 'answer this way';
  return (
    <details className="decision-trace" data-testid="decision-trace">
      <summary>
        Why did the AI {action}?{' '}
        {typeof decision.category === 'string' && <span className="tag">{decision.category}</span>}
      </summary>
      {isTrace(trace) ? (
        <div className="trace-body">
          <ul data-testid="trace-why">
            {trace.why.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
          <p>
            <strong>Category:</strong>{' '}
            {trace.category.scores
              .slice(0, 3)
              .map((s) => `${s.category} ${percent(s.score)}`)
              .join(' · ')}{' '}
            <span className="muted">({trace.category.mode.replace('_', ' ')})</span>
          </p>
          <p>
            <strong>Signals:</strong> {firedSignals(trace).join(', ') || 'none fired'}
          </p>
          <p data-testid="trace-knowledge">
            <strong>Knowledge:</strong> {knowledgeLine(trace)}
          </p>
          <p className="muted">
            Policy {policyCitation(trace)} · sends a drafted answer at{' '}
            {percent(trace.thresholds.answerConfidence)} confidence or more · at most{' '}
            {trace.thresholds.maxAiTurns} AI answers · a repeated ask escalates at{' '}
            {trace.thresholds.repeatedAskAt}
          </p>
          <details>
            <summary>Full trace</summary>
            <pre>{JSON.stringify(trace, null, 2)}</pre>
          </details>
        </div>
      ) : (
        <pre>{JSON.stringify(decision, null, 2)}</pre>
      )}
    </details>
  );
};
