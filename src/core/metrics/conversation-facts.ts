/**
 * One row per conversation with everything SPEC §9 counts, derived from its events (and its
 * customer's other conversations, for recontacts). The metrics are pure functions over these rows;
 * the store keeps the same rows in the `conversation_facts` table and aggregates them in SQL.
 */
import type { Resolution } from '../conversation/lifecycle.ts';
import type { EscalationVerdict, ResolvedBy, ReviewLabel } from '../events/index.ts';

export interface ConversationFacts {
  readonly conversationId: string;
  readonly customerId: string;
  readonly channel: string;
  /** The latest known category: the AI's, or an agent's confirmation when it came later. */
  readonly category: string | null;
  /** The team that last owned it: the handoff's, a requeue's, a pick-up's, or the AI decision's. */
  readonly teamKey: string | null;
  readonly startedAt: Date;
  /** The date metrics filter by; a conversation without a customer message is not counted at all. */
  readonly firstCustomerMessageAt: Date | null;
  /** The first customer-visible AI or agent message after the customer's first one. */
  readonly firstResponseAt: Date | null;
  /** The AI answered (or asked back) at least once: an AI message that is not a handoff. */
  readonly aiInvolved: boolean;
  /** An agent picked it up, replied or wrote a note. */
  readonly humanInvolved: boolean;
  readonly handedOverAt: Date | null;
  readonly handoffs: number;
  /** Handoffs with a verdict (the latest verdict on each counts), and how many of those were `needed`. */
  readonly handoffsJudged: number;
  readonly handoffsJudgedNeeded: number;
  /** The verdict on the first handoff. */
  readonly verdict: EscalationVerdict | null;
  /**
   * The first resolution: who resolved the customer's contact. A reopen does not replace it; a
   * reopen within the recontact window marks it not durable (`recontacted`).
   */
  readonly resolution: Resolution | null;
  readonly resolvedBy: ResolvedBy | null;
  readonly resolvedByAgentId: string | null;
  /**
   * When the first resolution took effect. An assumed one (the customer went quiet) took effect at
   * the last customer-visible message before it, not when the sweep noticed.
   */
  readonly resolvedAt: Date | null;
  /** The latest resolution's effective time (equals `resolvedAt` unless it was reopened and resolved again). */
  readonly lastResolvedAt: Date | null;
  /** The earlier conversation of the same customer and category this one is a recontact of. */
  readonly recontactOf: string | null;
  /** A recontact (a reopen, or a new conversation) came within the window after the first resolution. */
  readonly recontacted: boolean;
  /** That recontact was handed over to a person. */
  readonly recontactEscalated: boolean;
  readonly reviewLabel: ReviewLabel | null;
  /** The customer's latest rating, 1–5. */
  readonly csat: number | null;
  /** Human handle time: from each pick-up to the agent's resolution that followed, summed. */
  readonly handleSeconds: number | null;
  /** Customer questions the AI retrieved knowledge for, and those with an article at or above the relevance threshold. */
  readonly aiQuestions: number;
  readonly aiQuestionsCovered: number;
  /** AI turns (decisions), and what the provider said they cost. */
  readonly aiTurns: number;
  readonly aiCost: number;
  /** Handoffs whose promised wait was measured against the actual one, and the sum of |promised − actual|. */
  readonly waitsMeasured: number;
  readonly waitErrorSeconds: number;
}

/** The settings the derivation applies (workspace settings, SPEC §2). */
export interface FactSettings {
  readonly recontactWindowMs: number;
  /** An article at or above this relevance covers the question (the answerer's own floor by default). */
  readonly relevanceThreshold: number;
}
