/**
 * AI turns as jobs (SPEC §11): one job per customer message, keyed by its id (a second enqueue does
 * nothing), run one at a time per conversation in message order, leased to one process at a time;
 * a job whose process died is claimed again when its lease expires. One contract suite
 * (src/adapters/store/contract/ai-turn-jobs.contract.ts) runs on PGlite and on PostgreSQL.
 */
import type { EarlierConversation } from '../conversation/recontact.ts';
import type { Citation, Conversation, Customer, Message, MessageAuthor } from '../model.ts';
import type { ConversationChange, NewEvent } from './store.ts';

export interface AiTurnJobKey {
  /** The customer message the turn answers: the job's key. */
  readonly messageId: string;
  readonly conversationId: string;
  readonly workspaceId: string;
}

/** What a turn needs, read in the same statement that leases the job. */
export interface ClaimedTurn {
  readonly messageId: string;
  /** 1 on the first run; a retry or a lease taken over from a dead process counts up. */
  readonly attempt: number;
  readonly conversation: Conversation;
  readonly customer: Customer;
  /** Customer-visible messages up to and including the job's, oldest first (no notes, no system lines). */
  readonly transcript: readonly { readonly author: MessageAuthor; readonly body: string }[];
  /** The customer's other conversations, most recent first (at most five). */
  readonly earlierConversations: readonly EarlierConversation[];
  /** False when a newer customer message or a person has taken the turn's place since it was queued. */
  readonly current: boolean;
}

/** Who takes a job's lease and for how long (a process id; only the holder completes the job). */
export interface TurnLease {
  readonly owner: string;
  readonly leaseMs: number;
}

export interface ClaimRequest {
  readonly workspaceId: string;
  /** Who holds the lease (a process id); only the holder may complete or release the job. */
  readonly owner: string;
  readonly limit: number;
  readonly leaseMs: number;
  /** Jobs whose lease expired on their last attempt are marked failed instead of run again. */
  readonly maxAttempts: number;
}

export interface ClaimResult {
  readonly turns: readonly ClaimedTurn[];
  /** Jobs given up on in this claim: their last attempt's lease expired. */
  readonly exhausted: readonly string[];
}

/** What a turn sends: its decision, the message the customer sees, and the change to the conversation. */
export interface TurnSend {
  readonly decision: NewEvent;
  readonly message: {
    readonly kind: 'message' | 'handoff';
    readonly body: string;
    readonly citations: readonly Citation[];
  };
  /** Applied with the message; `category` never clears one already set. */
  readonly change: ConversationChange;
  /** Recorded after the message (`categorised`, `handed_over`), or null. */
  readonly changeEvent: NewEvent | null;
}

/** The AI's turn result, written in one transaction that re-checks the conversation. */
export interface TurnOutcomeWrite {
  readonly messageId: string;
  readonly owner: string;
  /** Written whatever happens (account lookups made during the turn). */
  readonly facts: readonly NewEvent[];
  /** Sent only if the conversation is still the AI's and this message is still the newest customer message. */
  readonly send: TurnSend | null;
  /** Recorded instead of sending (type and data; the reason is added): the unsent draft. */
  readonly instead: { readonly type: string; readonly data: Readonly<Record<string, unknown>> };
}

export type TurnWriteResult =
  | {
      readonly kind: 'sent';
      readonly conversation: Conversation;
      readonly customer: Customer;
      readonly message: Message;
      /** A later customer message's turn waits for this one (run it next). */
      readonly nextTurnQueued: boolean;
    }
  | {
      readonly kind: 'kept';
      readonly reason: 'superseded' | 'conversation_taken';
      readonly nextTurnQueued: boolean;
    }
  /** The lease had passed to another process (this one was too slow or presumed dead): nothing written. */
  | { readonly kind: 'lease_lost' };

export interface AiTurnJobs {
  /** Queues the turn for a customer message; false when it was already queued (any state). */
  enqueue(job: AiTurnJobKey): Promise<boolean>;
  /** Leases up to `limit` ready jobs, oldest first, at most one per conversation, with their context. */
  claim(request: ClaimRequest): Promise<ClaimResult>;
  /** Renews the lease of a job this owner still holds (a long turn in a live process); false when lost. */
  renewLease(messageId: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Writes the outcome and completes the job atomically (see TurnOutcomeWrite). */
  complete(outcome: TurnOutcomeWrite): Promise<TurnWriteResult>;
  /**
   * Gives the job back after a failure: queued again after `retryInMs`, or failed when it has had
   * `maxAttempts`. Returns what became of it (`lease_lost` when another process holds it now).
   */
  release(input: {
    readonly messageId: string;
    readonly owner: string;
    readonly error: string;
    readonly retryInMs: number;
    readonly maxAttempts: number;
  }): Promise<'queued' | 'failed' | 'lease_lost'>;
  /**
   * Deletes up to `limit` of the workspace's finished jobs (done or failed) that finished before
   * `finishedBefore`; returns how many went. Queued and running jobs are never touched.
   */
  pruneFinished(workspaceId: string, finishedBefore: Date, limit: number): Promise<number>;
}
