/**
 * One AI turn's triage (SPEC §3 steps 2–5, and the handoff of §6): signals → category → answer
 * attempt → decision → handoff when escalating. The same function serves `baton triage` and the
 * live server; its result is plain JSON and explains itself through `trace`.
 */

import { type EarlierConversation, isRecontactOf } from '../conversation/recontact.ts';
import {
  type ComposedHandoff,
  type CustomerProfile,
  composeHandoff,
  type HandoffTemplatesOverride,
  type LookupOutcome,
} from '../handoff/index.ts';
import type { Citation } from '../model.ts';
import type { Answerer, TranscriptLine } from '../ports/answerer.ts';
import type { QueueSnapshot } from '../wait/index.ts';
import type { CategoryModel } from './category/index.ts';
import {
  type AnswerAttempt,
  type DecisionReason,
  type DecisionTrace,
  decide,
  type TriageDecision,
} from './decision/index.ts';
import { answerWithLookupFacts } from './lookup-facts.ts';
import type { EscalationPolicy } from './policy/index.ts';
import { detectSignals, type SignalValues } from './signals/index.ts';

export interface TriageInput {
  readonly policy: EscalationPolicy;
  readonly categoryModel: CategoryModel;
  readonly answerer: Answerer;
  /** The conversation so far, oldest first; the last customer message is the one triaged. */
  readonly messages: readonly TranscriptLine[];
  readonly customer?: CustomerProfile | null;
  /** Live state of the target team's queue; without it the wait is "not known". */
  readonly queue?: QueueSnapshot | null;
  /**
   * Asks for the live queue of the team the decision picked (the live server); wins over `queue`.
   * With the decision's priority, only the conversations the queue order puts ahead are counted.
   */
  readonly queueOf?: (teamKey: string, priority: number) => Promise<QueueSnapshot>;
  /** The customer's earlier conversations, newest first, for the packet (recontacts flagged). */
  readonly earlierConversations?: readonly EarlierConversation[];
  /** Runs the account lookups the category asks for (SPEC §3 step 4); none without it. */
  readonly lookups?: (category: string) => Promise<readonly LookupOutcome[]>;
  /** The moment of the turn (business hours, wait wording). The core never reads the clock. */
  readonly now: Date;
  /** The workspace's handoff wording as ops saved it; the shipped templates without it. */
  readonly templates?: HandoffTemplatesOverride;
}

/** What triage decided, as SPEC §13 prints it, plus priority, policy version and the trace. */
export interface TriageResult {
  readonly action: TriageDecision['kind'];
  readonly category: string;
  readonly categoryConfidence: number;
  /** Every reason that fired; empty unless `action` is `escalate`. */
  readonly reasons: readonly DecisionReason[];
  readonly signals: SignalValues;
  /** The answerer's confidence in its draft, 0 when it had none. */
  readonly confidence: number;
  readonly team: string;
  readonly priority: number;
  readonly policyVersion: string;
  /** The reply to send when `action` is `answer` or `clarify`. */
  readonly answer?: string;
  /** The handoff message, wait estimate and agent packet, exactly when `action` is `escalate`. */
  readonly handoff?: ComposedHandoff;
  /** The articles the answer came from, when `action` is `answer`. */
  readonly citations?: readonly Citation[];
  /** The account lookups made for the category, with their results or failures. */
  readonly lookups: readonly LookupOutcome[];
  readonly trace: DecisionTrace;
}

const unknownQueue: QueueSnapshot = { waiting: 0, agentsAvailable: 0, avgHandleMinutes: 0 };

const attemptAnswer = async (
  answerer: Answerer,
  question: string,
  transcript: readonly TranscriptLine[],
  category: string,
): Promise<AnswerAttempt> => {
  try {
    const draft = await answerer.draft({ question, transcript, category });
    return draft.kind === 'answer'
      ? {
          kind: 'answer',
          text: draft.text,
          confidence: draft.confidence,
          tried: draft.tried,
          citations: draft.citations,
        }
      : { kind: 'no_answer', reason: draft.reason, confidence: draft.confidence, tried: draft.tried };
  } catch (error) {
    // SPEC §3: a provider error never leaves the customer hanging; it becomes `ai_unavailable`.
    return { kind: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
};

/** Ops' template override, with the team's out-of-hours message from the policy as its `closed` wait phrase. */
const templatesFor = (
  templates: HandoffTemplatesOverride | undefined,
  teamKey: string,
  outOfHours: string | null | undefined,
): HandoffTemplatesOverride | undefined => {
  if (!outOfHours) return templates;
  const team = templates?.teams?.[teamKey];
  const closed = `${outOfHours} They are back {backAt}.`;
  return {
    ...templates,
    teams: { ...templates?.teams, [teamKey]: { ...team, wait: { ...team?.wait, closed } } },
  };
};

const handoffFor = async (
  input: TriageInput,
  decision: TriageDecision & { kind: 'escalate' },
  question: string,
  attempt: AnswerAttempt,
  lookups: readonly LookupOutcome[],
): Promise<ComposedHandoff> => {
  const team = input.policy.teams[decision.team];
  const queue = input.queueOf
    ? await input.queueOf(decision.team, decision.priority)
    : (input.queue ?? unknownQueue);
  const templates = templatesFor(input.templates, decision.team, team?.outOfHoursMessage);
  return composeHandoff({
    question,
    transcript: input.messages,
    category: decision.category,
    categoryConfidence: decision.categoryConfidence,
    reasons: decision.reasons,
    signals: { ...decision.trace.signals.values },
    lookups,
    recentConversations: (input.earlierConversations ?? []).map((earlier) => ({
      id: earlier.id,
      category: earlier.category,
      state: earlier.state,
      resolvedAt: earlier.resolvedAt?.toISOString() ?? null,
      isRecontact: isRecontactOf(earlier, decision.category, input.now),
    })),
    triedArticles: attempt.kind === 'failed' ? [] : attempt.tried,
    draft: attempt.kind === 'answer' ? attempt.text : null,
    sentimentTrend: decision.trace.signals.detail.sentimentPerMessage,
    customer: input.customer ?? null,
    team: { key: decision.team, name: team?.name ?? decision.team },
    queue,
    businessHours: team?.businessHours ?? null,
    now: input.now,
    ...(templates ? { templates } : {}),
  });
};

/** Triages the latest customer message of a conversation (SPEC §3 steps 2–5 and §6). */
export const triageConversation = async (input: TriageInput): Promise<TriageResult> => {
  const { messages, policy } = input;
  let lastCustomer = -1;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    if (messages[i]?.role === 'customer') {
      lastCustomer = i;
      break;
    }
  }
  const question = messages[lastCustomer]?.text ?? '';
  const transcript = messages.slice(0, Math.max(0, lastCustomer));
  const earlierCustomerTurns = transcript.filter((line) => line.role === 'customer').map((line) => line.text);
  const previousAiText = [...transcript].reverse().find((line) => line.role === 'ai')?.text ?? null;

  const signals = detectSignals(messages.slice(0, lastCustomer + 1));
  const prediction = input.categoryModel.classify(question, earlierCustomerTurns);
  const lookups = input.lookups ? await input.lookups(prediction.category) : [];
  const attempt = await attemptAnswer(input.answerer, question, transcript, prediction.category);
  const decision = decide({
    policy,
    signals,
    prediction,
    attempt,
    latestText: question,
    previousAiText,
    customerPlan: input.customer?.plan ?? null,
  });
  const common = {
    action: decision.kind,
    category: decision.category,
    categoryConfidence: decision.categoryConfidence,
    signals: signals.values,
    confidence: decision.confidence,
    team: decision.team,
    priority: decision.priority,
    policyVersion: decision.policyVersion,
  };
  if (decision.kind === 'escalate') {
    const handoff = await handoffFor(input, decision, question, attempt, lookups);
    return { ...common, reasons: decision.reasons, handoff, lookups, trace: decision.trace };
  }
  const answered = decision.kind === 'answer' && attempt.kind === 'answer';
  return {
    ...common,
    reasons: [],
    answer: answered ? answerWithLookupFacts(decision.answer, lookups) : decision.answer,
    ...(answered ? { citations: attempt.citations } : {}),
    lookups,
    trace: decision.trace,
  };
};
