/** One conversation's events folded into its facts row, without links to other conversations. */
import type { Resolution } from '../conversation/lifecycle.ts';
import { isWithinRecontactWindow } from '../conversation/recontact.ts';
import type { EscalationVerdict, EventType, ResolvedBy, ReviewLabel, TypedEvent } from '../events/index.ts';
import type { ConversationFacts, FactSettings } from './conversation-facts.ts';

type Of<T extends EventType> = Extract<TypedEvent, { type: T }>;

/** The facts being gathered; mutable only inside this fold. */
interface Fold {
  customerId: string | null;
  channel: string;
  startedAt: Date | null;
  category: string | null;
  teamKey: string | null;
  firstCustomerMessageAt: Date | null;
  firstResponseAt: Date | null;
  lastVisibleMessageAt: Date | null;
  aiInvolved: boolean;
  humanInvolved: boolean;
  handoffIds: string[];
  handedOverAt: Date | null;
  verdicts: Map<string, EscalationVerdict>;
  resolutions: number;
  resolution: Resolution | null;
  resolvedBy: ResolvedBy | null;
  resolvedByAgentId: string | null;
  resolvedAt: Date | null;
  lastResolvedAt: Date | null;
  reopenedSinceFirstResolution: boolean;
  recontacted: boolean;
  recontactEscalated: boolean;
  reviewLabel: ReviewLabel | null;
  csat: number | null;
  pickedUpAt: Date | null;
  handleSeconds: number | null;
  aiQuestions: number;
  aiQuestionsCovered: number;
  aiTurns: number;
  aiCost: number;
  waitsMeasured: number;
  waitErrorSeconds: number;
}

const emptyFold = (): Fold => ({
  customerId: null,
  channel: 'widget',
  startedAt: null,
  category: null,
  teamKey: null,
  firstCustomerMessageAt: null,
  firstResponseAt: null,
  lastVisibleMessageAt: null,
  aiInvolved: false,
  humanInvolved: false,
  handoffIds: [],
  handedOverAt: null,
  verdicts: new Map(),
  resolutions: 0,
  resolution: null,
  resolvedBy: null,
  resolvedByAgentId: null,
  resolvedAt: null,
  lastResolvedAt: null,
  reopenedSinceFirstResolution: false,
  recontacted: false,
  recontactEscalated: false,
  reviewLabel: null,
  csat: null,
  pickedUpAt: null,
  handleSeconds: null,
  aiQuestions: 0,
  aiQuestionsCovered: 0,
  aiTurns: 0,
  aiCost: 0,
  waitsMeasured: 0,
  waitErrorSeconds: 0,
});

const seconds = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / 1000;

const onMessage = (fold: Fold, event: Of<'message_added'>): void => {
  const { author, kind } = event.data;
  if (kind === 'note') {
    if (author === 'agent') fold.humanInvolved = true;
    return;
  }
  if (author === 'system') return;
  fold.lastVisibleMessageAt = event.at;
  if (author === 'customer') {
    fold.firstCustomerMessageAt ??= event.at;
    return;
  }
  if (fold.firstCustomerMessageAt !== null) fold.firstResponseAt ??= event.at;
  if (author === 'ai' && kind === 'message') fold.aiInvolved = true;
  if (author === 'agent') fold.humanInvolved = true;
};

const onDecision = (fold: Fold, event: Of<'decision_made'>, settings: FactSettings): void => {
  const { category, teamKey, cost, trace } = event.data;
  fold.aiTurns += 1;
  fold.aiCost += cost ?? 0;
  if (category !== null) fold.category = category;
  if (teamKey !== undefined) fold.teamKey = teamKey;
  // A question counts for knowledge coverage when retrieval ran (an outage is not a knowledge gap);
  // a thanks or goodbye answered with the closing reply is no question.
  const retrieval = trace.retrieval;
  if (retrieval === undefined || retrieval.kind === 'failed' || trace.closingRemark === true) return;
  fold.aiQuestions += 1;
  if ((retrieval.tried ?? []).some((article) => article.score >= settings.relevanceThreshold)) {
    fold.aiQuestionsCovered += 1;
  }
};

const onHandoff = (fold: Fold, event: Of<'handed_over'>): void => {
  fold.handoffIds.push(event.id);
  fold.handedOverAt ??= event.at;
  fold.teamKey = event.data.teamKey;
  if (fold.recontacted && fold.reopenedSinceFirstResolution) fold.recontactEscalated = true;
};

const onResolved = (fold: Fold, event: Of<'resolved'>): void => {
  const { data } = event;
  const assumed = data.by === 'ai_assumed' || data.by === 'abandoned';
  const effectiveAt = assumed ? (fold.lastVisibleMessageAt ?? event.at) : event.at;
  fold.resolutions += 1;
  fold.lastResolvedAt = effectiveAt;
  if (data.teamKey !== null) fold.teamKey = data.teamKey;
  if (data.by === 'agent' && fold.pickedUpAt !== null) {
    fold.handleSeconds = (fold.handleSeconds ?? 0) + seconds(fold.pickedUpAt, event.at);
  }
  fold.pickedUpAt = null;
  if (fold.resolution !== null) return;
  fold.resolution = data.resolution;
  fold.resolvedBy = data.by;
  fold.resolvedByAgentId = data.by === 'agent' ? data.agentId : null;
  fold.resolvedAt = effectiveAt;
};

/** A reopen is a recontact when it comes within the window; only the first one after the first resolution judges it. */
const onReopened = (fold: Fold, event: Of<'reopened'>, settings: FactSettings): void => {
  if (fold.resolutions === 1 && !fold.reopenedSinceFirstResolution && fold.lastResolvedAt !== null) {
    fold.recontacted = isWithinRecontactWindow(fold.lastResolvedAt, event.at, settings.recontactWindowMs);
  }
  fold.reopenedSinceFirstResolution = true;
  fold.pickedUpAt = null;
};

const onWaitMeasured = (fold: Fold, event: Of<'wait_measured'>): void => {
  const { promisedMinutes, actualMinutes } = event.data;
  if (promisedMinutes === null) return;
  fold.waitsMeasured += 1;
  fold.waitErrorSeconds += Math.abs(promisedMinutes - actualMinutes) * 60;
};

const apply = (fold: Fold, event: TypedEvent, settings: FactSettings): void => {
  switch (event.type) {
    case 'conversation_started':
      fold.startedAt = event.at;
      fold.channel = event.data.channel;
      if (event.actor.kind === 'customer') fold.customerId = event.actor.id;
      return;
    case 'message_added':
      onMessage(fold, event);
      return;
    case 'decision_made':
      onDecision(fold, event, settings);
      return;
    case 'categorised':
    case 'category_confirmed':
      fold.category = event.data.category;
      return;
    case 'handed_over':
      onHandoff(fold, event);
      return;
    case 'assigned':
      fold.humanInvolved = true;
      fold.pickedUpAt ??= event.at;
      if (event.data.teamKey !== null) fold.teamKey = event.data.teamKey;
      return;
    case 'requeued':
      fold.teamKey = event.data.teamKey;
      return;
    case 'resolved':
      onResolved(fold, event);
      return;
    case 'reopened':
      onReopened(fold, event, settings);
      return;
    case 'wait_measured':
      onWaitMeasured(fold, event);
      return;
    case 'escalation_verdict':
      fold.verdicts.set(event.data.handoffEventId, event.data.verdict);
      return;
    case 'rated':
      fold.csat = event.data.rating;
      return;
    case 'reviewed':
      fold.reviewLabel = event.data.label;
      return;
    case 'lookup_completed':
    case 'ai_message_flagged':
    case 'rating_requested':
      return;
  }
};

const toFacts = (conversationId: string, fold: Fold): ConversationFacts | null => {
  if (fold.startedAt === null || fold.customerId === null) return null;
  const judged = fold.handoffIds.flatMap((id) => {
    const verdict = fold.verdicts.get(id);
    return verdict === undefined ? [] : [verdict];
  });
  const firstHandoff = fold.handoffIds[0];
  return {
    conversationId,
    customerId: fold.customerId,
    channel: fold.channel,
    category: fold.category,
    teamKey: fold.teamKey,
    startedAt: fold.startedAt,
    firstCustomerMessageAt: fold.firstCustomerMessageAt,
    firstResponseAt: fold.firstResponseAt,
    aiInvolved: fold.aiInvolved,
    humanInvolved: fold.humanInvolved,
    handedOverAt: fold.handedOverAt,
    handoffs: fold.handoffIds.length,
    handoffsJudged: judged.length,
    handoffsJudgedNeeded: judged.filter((verdict) => verdict === 'needed').length,
    verdict: firstHandoff === undefined ? null : (fold.verdicts.get(firstHandoff) ?? null),
    resolution: fold.resolution,
    resolvedBy: fold.resolvedBy,
    resolvedByAgentId: fold.resolvedByAgentId,
    resolvedAt: fold.resolvedAt,
    lastResolvedAt: fold.lastResolvedAt,
    recontactOf: null,
    recontacted: fold.recontacted,
    recontactEscalated: fold.recontactEscalated,
    reviewLabel: fold.reviewLabel,
    csat: fold.csat,
    handleSeconds: fold.handleSeconds,
    aiQuestions: fold.aiQuestions,
    aiQuestionsCovered: fold.aiQuestionsCovered,
    aiTurns: fold.aiTurns,
    aiCost: fold.aiCost,
    waitsMeasured: fold.waitsMeasured,
    waitErrorSeconds: fold.waitErrorSeconds,
  };
};

/**
 * Folds one conversation's events (oldest first, payloads already typed) into its facts; null when
 * the log has no `conversation_started` by a customer. Recontacts by later conversations are linked
 * afterwards (linkRecontacts).
 */
export const foldConversation = (
  conversationId: string,
  events: readonly TypedEvent[],
  settings: FactSettings,
): ConversationFacts | null => {
  const fold = emptyFold();
  for (const event of events) apply(fold, event, settings);
  return toFacts(conversationId, fold);
};
