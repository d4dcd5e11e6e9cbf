/**
 * One AI turn's triage (SPEC §3 steps 2–5, and the handoff of §6): signals → category → answer
 * attempt → decision → handoff when escalating. The same function serves `baton triage` and the
 * live server; its result is plain JSON and explains itself through `trace`.
 */

import type { CalibrationModels } from '../coaching/backtest/calibrated-evidence.ts';
import { type EarlierConversation, isRecontactOf } from '../conversation/recontact.ts';
import {
  type ComposedHandoff,
  type CustomerProfile,
  composeHandoff,
  type HandoffTemplatesOverride,
  type LookupOutcome,
} from '../handoff/index.ts';
import type { Citation } from '../model.ts';
import type { Answerer, AnswerRequest, LookupTools, TranscriptLine } from '../ports/answerer.ts';
import type { QueueSnapshot } from '../wait/index.ts';
import { type AttemptReport, attemptAnswer, retrieveOnly } from './answer-attempt.ts';
import { decideCalibrated } from './calibrated-decision.ts';
import type { CategoryModel } from './category/index.ts';
import {
  type AnswerAttempt,
  type DecisionReason,
  type DecisionTrace,
  handoverBeforeAnswer,
  notAttemptedReason,
  policyFindings,
  type TriageDecision,
} from './decision/index.ts';
import { recordingTools, withoutInstructions } from './lookup-tools.ts';
import type { EscalationPolicy } from './policy/index.ts';
import { detectSignals, type LineMemo, type SignalValues } from './signals/index.ts';

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
  /** Lookups the answerer may call itself (an LLM's tools), bound to this conversation's customer. */
  readonly tools?: LookupTools;
  /** Aborts the answer attempt (the turn's deadline passed). */
  readonly signal?: AbortSignal;
  /** Receives the answer's text as it is written (streaming to the widget). */
  readonly onAnswerDelta?: (delta: string) => void;
  /** The moment of the turn (business hours, wait wording). The core never reads the clock. */
  readonly now: Date;
  /** The workspace's handoff wording as ops saved it; the shipped templates without it. */
  readonly templates?: HandoffTemplatesOverride;
  /** Calibration models of the calibrated categories: their thresholds apply to calibrated confidence. */
  readonly calibration?: CalibrationModels;
  /**
   * What earlier turns of this conversation read in its messages, under this `categoryModel`: the
   * live engine keeps one per conversation so that a turn reads only its new messages. Triage adds
   * what it reads to it; the result is the same with or without it.
   */
  readonly lineMemo?: LineMemo;
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
  /** The account lookups made for the category and by the answerer, with their results or failures. */
  readonly lookups: readonly LookupOutcome[];
  readonly trace: DecisionTrace;
  /** What the answer attempt cost and what its checks found (recorded with the decision). */
  readonly answerer: AttemptReport & { readonly asked: boolean };
}

const unknownQueue: QueueSnapshot = { waiting: 0, agentsAvailable: 0, avgHandleMinutes: 0 };

/** Ops' template override, with the team's out-of-hours message from the policy as its `closed` wait phrase. */
const withClosedPhrase = (
  templates: HandoffTemplatesOverride | undefined,
  teamKey: string,
  outOfHours: string,
): HandoffTemplatesOverride => {
  const team = templates?.teams?.[teamKey];
  const closed = `${outOfHours} They are back {backAt}.`;
  return {
    ...templates,
    teams: { ...templates?.teams, [teamKey]: { ...team, wait: { ...team?.wait, closed } } },
  };
};

/** Stands for "no override" as a key of `closedPhraseOverrides`. */
const noTemplates: HandoffTemplatesOverride = {};

/**
 * Overrides made by `withClosedPhrase`, by ops' override, team and message: every handoff to a
 * team out of hours would build the same one, and an override that is the same object each time
 * lets the handoff composer reuse its resolved templates.
 */
const closedPhraseOverrides = new WeakMap<HandoffTemplatesOverride, Map<string, HandoffTemplatesOverride>>();

const templatesFor = (
  templates: HandoffTemplatesOverride | undefined,
  teamKey: string,
  outOfHours: string | null | undefined,
): HandoffTemplatesOverride | undefined => {
  if (!outOfHours) return templates;
  let byTeam = closedPhraseOverrides.get(templates ?? noTemplates);
  if (!byTeam) {
    byTeam = new Map();
    closedPhraseOverrides.set(templates ?? noTemplates, byTeam);
  }
  const key = `${teamKey}\u0000${outOfHours}`;
  const known = byTeam.get(key);
  if (known) return known;
  const made = withClosedPhrase(templates, teamKey, outOfHours);
  byTeam.set(key, made);
  return made;
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
    draft:
      attempt.kind === 'answer'
        ? attempt.text
        : attempt.kind === 'no_answer'
          ? (attempt.draft ?? null)
          : null,
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
  // One pass over the transcript, without the arrays a filter, a map and a reversed copy made.
  const earlierCustomerTurns: string[] = [];
  let previousAiText: string | null = null;
  for (const line of transcript) {
    if (line.role === 'customer') earlierCustomerTurns.push(line.text);
    else if (line.role === 'ai') previousAiText = line.text;
  }

  // Repeats are recognised by meaning: the category model reads each customer ask.
  const intentOf = (text: string) => {
    const reading = input.categoryModel.classify(text);
    return { categories: reading.scores, intents: reading.intents ?? [] };
  };
  const signals = detectSignals(messages.slice(0, lastCustomer + 1), { intentOf, lineMemo: input.lineMemo });
  const prediction = input.categoryModel.classify(question, earlierCustomerTurns);
  const checked = (input.lookups ? await input.lookups(prediction.category) : []).map(withoutInstructions);
  const lookups = checked.map((item) => item.lookup);
  const decisionInput = {
    policy,
    signals,
    prediction,
    latestText: question,
    previousAiText,
    customerPlan: input.customer?.plan ?? null,
  };
  const tools = input.tools ? recordingTools(input.tools) : null;
  const request: AnswerRequest = {
    question,
    transcript,
    category: prediction.category,
    lookups,
    customer: { identified: Boolean(input.customer?.externalId), name: input.customer?.name ?? null },
    ...(tools ? { tools: tools.tools } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onAnswerDelta ? { onDelta: input.onAnswerDelta } : {}),
  };
  // What the policy finds whatever the answer is found once, for both decisions below.
  const findings = policyFindings(decisionInput);
  // The policy decides before the model: when it hands over whatever the answer, no model is asked.
  // (It may still ask its clarifying question: that needs no draft.)
  const handover = handoverBeforeAnswer(decisionInput, findings);
  // Thanks or a goodbye gets the policy's closing reply: no model is asked to answer it.
  const asked = handover === null && !findings.closesOnly;
  const { attempt, report } = asked
    ? await attemptAnswer(input.answerer, request, () => [...lookups, ...(tools?.made() ?? [])])
    : await retrieveOnly(
        input.answerer,
        request,
        handover ? notAttemptedReason(handover) : 'the customer only thanks or says goodbye',
      );
  const allLookups = [...lookups, ...(tools?.made() ?? [])];
  // …and again after: the draft's grounding and confidence, with every rule, decide the outcome.
  const decision = decideCalibrated(decisionInput, attempt, input.calibration ?? {}, findings);
  const answerer = {
    usage: report.usage,
    grounding: report.grounding,
    injectedSources: [
      ...checked.flatMap((item) => item.withheld),
      ...(tools?.withheld() ?? []),
      ...report.injectedSources,
    ],
    fault: report.fault,
    asked,
  };
  // One result object, its last fields added to it: in V8 spreading an object into a new one and
  // adding fields after it costs microseconds, more than the rest of this function.
  const result = {
    action: decision.kind,
    category: decision.category,
    categoryConfidence: decision.categoryConfidence,
    signals: signals.values,
    confidence: decision.confidence,
    team: decision.team,
    priority: decision.priority,
    policyVersion: decision.policyVersion,
    lookups: allLookups,
    trace: decision.trace,
    answerer,
  };
  if (decision.kind === 'escalate') {
    const handoff = await handoffFor(input, decision, question, attempt, allLookups);
    return Object.assign(result, { reasons: decision.reasons, handoff });
  }
  const answered = decision.kind === 'answer' && attempt.kind === 'answer';
  return Object.assign(
    result,
    { reasons: [], answer: decision.answer },
    answered ? { citations: attempt.citations } : {},
  );
};
