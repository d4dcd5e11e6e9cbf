/**
 * What the AI turn needs decided for one customer message (SPEC §3 steps 2–5): the seam between
 * the application and the triage engine + answerer + handoff composer behind it.
 */
import type { EarlierConversation } from '../core/conversation/recontact.ts';
import type { LookupOutcome } from '../core/handoff/index.ts';
import type { Citation, Conversation, Customer } from '../core/model.ts';
import type { TranscriptLine } from '../core/ports/answerer.ts';
import type { LiveQueueSnapshot } from '../core/wait/index.ts';

export interface EscalationReason {
  readonly code: string;
  readonly evidence: string;
}

export interface TurnInput {
  readonly conversation: Conversation;
  readonly customer: Customer;
  /** The whole transcript, oldest first; the last line is the customer's new message. */
  readonly transcript: readonly TranscriptLine[];
  readonly now: Date;
  /** The customer's earlier conversations, newest first. */
  readonly earlierConversations: readonly EarlierConversation[];
  /** Live queue state of a team ahead of a handoff at `priority`, asked for only when the engine hands over. */
  readonly queueOf: (teamKey: string, priority?: number) => Promise<LiveQueueSnapshot>;
  /** Receives the answer's text as it is written, to show it growing in the widget. */
  readonly onAnswerDelta?: (delta: string) => void;
}

export type TurnOutcome =
  | {
      readonly kind: 'answer' | 'clarify';
      readonly text: string;
      readonly citations: readonly Citation[];
      readonly category: string | null;
      readonly trace: Readonly<Record<string, unknown>>;
      /** Account lookups made during the turn (recorded as events for integration health). */
      readonly lookups?: readonly LookupOutcome[];
    }
  | {
      readonly kind: 'escalate';
      readonly teamKey: string;
      readonly priority: number;
      readonly category: string | null;
      readonly reasons: readonly EscalationReason[];
      /** The customer-facing handoff message (SPEC §6). */
      readonly message: string;
      readonly waitMinutes: number | null;
      readonly packet: Readonly<Record<string, unknown>>;
      readonly trace: Readonly<Record<string, unknown>>;
      readonly lookups?: readonly LookupOutcome[];
    };

export interface TurnEngine {
  run(input: TurnInput): Promise<TurnOutcome>;
}
