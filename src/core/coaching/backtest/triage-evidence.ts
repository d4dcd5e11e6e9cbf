/**
 * What triage saw before it decided (signals, category prediction, answer attempt): the part of a
 * turn that does not depend on the policy's thresholds and triggers. A backtest gathers it once
 * per conversation and re-decides under each policy, instead of re-running the whole turn.
 */
import type { Answerer, TranscriptLine } from '../../ports/answerer.ts';
import { attemptAnswer } from '../../triage/answer-attempt.ts';
import {
  type AnswerAttempt,
  type CategoryModel,
  type CategoryPrediction,
  type DecisionTrace,
  detectSignals,
  type SignalReport,
} from '../../triage/index.ts';

export interface TriageEvidence {
  readonly signals: SignalReport;
  readonly prediction: CategoryPrediction;
  readonly attempt: AnswerAttempt;
  /** The customer's latest message, the one decided on. */
  readonly latestText: string;
  readonly previousAiText: string | null;
  readonly customerPlan: string | null;
}

export interface EvidenceInput {
  readonly categoryModel: CategoryModel;
  readonly answerer: Answerer;
  /** The conversation so far, oldest first; the last customer message is the one decided on. */
  readonly messages: readonly TranscriptLine[];
  readonly customerPlan?: string | null;
}

/** Runs signals, the category model and the answerer the way a live turn does (triage-conversation.ts). */
export const gatherTriageEvidence = async (input: EvidenceInput): Promise<TriageEvidence> => {
  const { messages } = input;
  const lastCustomer = messages.findLastIndex((line) => line.role === 'customer');
  const latestText = messages[lastCustomer]?.text ?? '';
  const transcript = messages.slice(0, Math.max(0, lastCustomer));
  const earlierCustomerTurns = transcript.filter((line) => line.role === 'customer').map((line) => line.text);
  const previousAiText = transcript.findLast((line) => line.role === 'ai')?.text ?? null;
  // As in a live turn, repeats are recognised by meaning: the category model reads each ask.
  const intentOf = (text: string) => {
    const reading = input.categoryModel.classify(text);
    return { categories: reading.scores, intents: reading.intents ?? [] };
  };
  const signals = detectSignals(messages.slice(0, lastCustomer + 1), { intentOf });
  const prediction = input.categoryModel.classify(latestText, earlierCustomerTurns);
  // The answer is drafted and checked for grounding exactly as a live turn does it.
  const { attempt } = await attemptAnswer(
    input.answerer,
    {
      question: latestText,
      transcript,
      category: prediction.category,
      lookups: [],
      customer: { identified: false, name: null },
    },
    () => [],
  );
  return {
    signals,
    prediction,
    attempt,
    latestText,
    previousAiText,
    customerPlan: input.customerPlan ?? null,
  };
};

/**
 * Evidence rebuilt from a stored decision trace (the `decision_made` event), so recorded
 * conversations can be backtested without re-running retrieval. The trace keeps the five best
 * category scores, which is all the high-risk checks read.
 */
export const evidenceFromTrace = (
  trace: Pick<DecisionTrace, 'signals' | 'category' | 'retrieval'>,
  context: {
    readonly latestText: string;
    readonly previousAiText: string | null;
    readonly customerPlan: string | null;
  },
): TriageEvidence => {
  const { retrieval } = trace;
  const attempt: AnswerAttempt =
    retrieval.kind === 'failed'
      ? { kind: 'failed', error: retrieval.error }
      : retrieval.kind === 'answer'
        ? {
            kind: 'answer',
            text: '',
            confidence: retrieval.confidence,
            tried: retrieval.tried,
            citations: [],
          }
        : {
            // A recorded turn the policy handed over first has no draft: under another policy it
            // counts as no answer, the cautious reading.
            kind: 'no_answer',
            reason: retrieval.reason ?? 'no answer',
            confidence: retrieval.confidence,
            tried: retrieval.tried,
          };
  return {
    signals: trace.signals,
    prediction: {
      category: trace.category.name,
      confidence: trace.category.confidence,
      scores: trace.category.scores,
      mode: trace.category.mode,
    },
    attempt,
    ...context,
  };
};
