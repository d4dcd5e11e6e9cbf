/** Baton's domain records as the core sees them. Adapters map rows to these. */
import type { ConversationHold } from './conversation/hold.ts';
import type { ConversationState, Resolution } from './conversation/lifecycle.ts';

export const agentRoles = ['agent', 'specialist', 'qa', 'ops', 'admin'] as const;
export type AgentRole = (typeof agentRoles)[number];

export type Actor =
  | { readonly kind: 'customer'; readonly id: string }
  | { readonly kind: 'ai' }
  | { readonly kind: 'agent'; readonly id: string }
  | { readonly kind: 'system' };

export interface Workspace {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly createdAt: Date;
  /** Seeded by the demo (`baton start` on an empty database, `baton demo`); a company's own workspace is not. */
  readonly demo: boolean;
}

/** Weekly opening hours in the team's time zone; an empty week means always open. */
export interface BusinessHours {
  readonly timeZone: string;
  /** Keyed by ISO weekday 1 (Monday) … 7 (Sunday): [open "HH:MM", close "HH:MM"]. */
  readonly days: Readonly<
    Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', readonly [string, string]>>
  >;
  /** Dates ("YYYY-MM-DD", in the team's time zone) the team is closed all day. */
  readonly holidays?: readonly string[];
}

export interface Team {
  readonly id: string;
  readonly workspaceId: string;
  readonly key: string;
  readonly name: string;
  readonly categories: readonly string[];
  readonly businessHours: BusinessHours | null;
}

export interface Agent {
  readonly id: string;
  readonly workspaceId: string;
  readonly email: string;
  readonly name: string;
  readonly role: AgentRole;
  readonly passwordHash: string;
  readonly teamKeys: readonly string[];
  readonly status: 'available' | 'away';
  readonly capacity: number;
  readonly lastAssignedAt: Date | null;
  /** A demo account (well-known password): the UI marks it. */
  readonly demo: boolean;
  /** False once an admin deactivated them: no sign-in, no sessions, never assigned. */
  readonly active: boolean;
}

export interface AgentSession {
  readonly tokenHash: string;
  readonly agentId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface Customer {
  readonly id: string;
  readonly workspaceId: string;
  /** The id in the company's own systems, when the customer's backend identified them. */
  readonly externalId: string | null;
  readonly name: string | null;
  readonly email: string | null;
  readonly profile: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
}

export interface Conversation {
  readonly id: string;
  readonly workspaceId: string;
  readonly customerId: string;
  readonly state: ConversationState;
  readonly teamKey: string | null;
  readonly assigneeId: string | null;
  readonly category: string | null;
  readonly priority: number;
  readonly resolution: Resolution | null;
  readonly subject: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lastMessageAt: Date | null;
  /** Bumped by every change: compare-and-set actions expect the version they read. */
  readonly version: number;
  /** When it last joined a team queue (hand-over or requeue). */
  readonly queuedAt: Date | null;
  /** Snoozed or waiting on the customer: out of the active views until it ends (SPEC §2). */
  readonly hold: ConversationHold | null;
}

export type MessageAuthor = 'customer' | 'ai' | 'agent' | 'system';
/** `note` is an internal note agents see and customers never do. */
export type MessageKind = 'message' | 'note' | 'handoff';

export interface Citation {
  readonly articleId: string;
  readonly slug: string;
  readonly title: string;
}

export interface Message {
  readonly id: string;
  readonly conversationId: string;
  readonly author: MessageAuthor;
  readonly authorId: string | null;
  readonly kind: MessageKind;
  readonly body: string;
  readonly citations: readonly Citation[];
  readonly idempotencyKey: string | null;
  readonly createdAt: Date;
}

/** An append-only fact about a conversation (SPEC §2). `type` names what happened. */
export interface ConversationEvent {
  readonly id: string;
  readonly conversationId: string;
  readonly type: string;
  readonly actor: Actor;
  readonly data: Readonly<Record<string, unknown>>;
  readonly at: Date;
}

export interface Article {
  readonly id: string;
  readonly workspaceId: string;
  readonly slug: string;
  readonly title: string;
  readonly category: string | null;
  readonly tags: readonly string[];
  readonly body: string;
  readonly updatedAt: Date;
}

export interface ArticleHit {
  readonly article: Article;
  /** Full-text relevance from the store, higher is better; comparable only within one query. */
  readonly rank: number;
}
