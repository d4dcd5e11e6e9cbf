import type { ApiKey, ApiKeyScope } from '../auth/api-key-scopes.ts';
/**
 * The store port: everything Baton keeps. One contract suite (src/adapters/store/store.contract.ts)
 * runs against every implementation (embedded PGlite and a real PostgreSQL server).
 */
import type { ConversationHold } from '../conversation/hold.ts';
import type { ConversationState, Resolution } from '../conversation/lifecycle.ts';
import type {
  Actor,
  Agent,
  AgentRole,
  AgentSession,
  Article,
  ArticleHit,
  BusinessHours,
  Citation,
  Conversation,
  ConversationEvent,
  Customer,
  Message,
  MessageAuthor,
  MessageKind,
  Team,
  Workspace,
} from '../model.ts';
import type { ConversationSearch } from '../search/conversation-search.ts';
import type { AiTurnJobs, ClaimedTurn, TurnLease } from './ai-turn-jobs.ts';
import type { MetricsRepository } from './metrics.ts';
import type { ReviewRepository } from './reviews.ts';
import type { TagRepository } from './tags.ts';
import type { WebhookRepository } from './webhooks.ts';

export interface NewEvent {
  readonly type: string;
  readonly actor: Actor;
  readonly data?: Readonly<Record<string, unknown>>;
  /** When it happened; the store's clock when absent (imports and replays pass recorded times). */
  readonly at?: Date;
}

export interface NewMessage {
  readonly conversationId: string;
  readonly author: MessageAuthor;
  readonly authorId?: string | null;
  readonly kind?: MessageKind;
  readonly body: string;
  readonly citations?: readonly Citation[];
  /** A retried send with the same key returns the first message instead of storing a second. */
  readonly idempotencyKey?: string | null;
  /** When it was sent; the store's clock when absent. The `message_added` event carries the same time. */
  readonly createdAt?: Date;
}

/** The fields a state change may set, applied together with the event that records it. */
export interface ConversationChange {
  readonly state?: ConversationState;
  readonly teamKey?: string | null;
  readonly assigneeId?: string | null;
  readonly category?: string | null;
  readonly priority?: number;
  readonly resolution?: Resolution | null;
  /** Sets (or with null takes off) the hold; not a change of state or holder, so the version stays. */
  readonly hold?: ConversationHold | null;
}

/**
 * What a compare-and-set change expects to find: the state, and when given the version (bumped by
 * every change) and the holder. A concurrent change that commits first makes the expectation fail.
 */
export interface ExpectedConversation {
  readonly state: ConversationState;
  readonly version?: number;
  readonly assigneeId?: string | null;
}

/** A customer's message as the store took it (SPEC §3 step 1). */
export type CustomerMessageResult =
  | {
      readonly kind: 'stored';
      readonly message: Message;
      /** False for a retried send with the same idempotency key (nothing new was written). */
      readonly created: boolean;
      readonly conversation: Conversation;
      readonly customer: Customer;
      /** True when the message reopened a resolved conversation. */
      readonly reopened: boolean;
      /** True when an AI turn was queued for it (the AI holds the conversation). */
      readonly turnQueued: boolean;
      /** The turn, leased to the caller at once (asked with `lease`, nothing ahead of it), or null. */
      readonly turn: ClaimedTurn | null;
    }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'not_yours' };

export interface ConversationFilter {
  readonly states?: readonly ConversationState[];
  readonly teamKeys?: readonly string[];
  /** With `teamKeys`: also the conversations no team has yet (the AI's, before any handoff). */
  readonly orNoTeam?: boolean;
  readonly assigneeId?: string;
  readonly customerId?: string;
  /** Only conversations nobody is assigned to (ignored with `assigneeId`). */
  readonly unassigned?: boolean;
  readonly priorities?: readonly number[];
  readonly categories?: readonly string[];
  /** Started at or after this instant. */
  readonly startedFrom?: Date;
  /** Started before this instant. */
  readonly startedBefore?: Date;
  /** Full-text search: the customer's name or e-mail, a message's text, or the id (src/core/search). */
  readonly search?: ConversationSearch;
  /**
   * `none`: only conversations on no hold (the active views); `snoozed` / `waiting_on_customer`:
   * only those on that hold. Unset: both.
   */
  readonly hold?: 'none' | ConversationHold['kind'];
  /** Only conversations carrying this tag (a normalised name, src/core/tags). */
  readonly tag?: string;
  /**
   * Only conversations with news this person (an agent's id) has not read: a customer's message or a
   * colleague's reply or note after their read mark.
   */
  readonly unreadBy?: string;
  readonly limit?: number;
  /**
   * `queue` (default): highest priority first, then oldest first — the order agents work a queue in.
   * `recent`: latest activity (last message, else creation) first — a customer's history.
   */
  readonly orderBy?: 'queue' | 'recent';
}

/** One published version of a workspace's escalation policy (SPEC §5); the highest version is current. */
export interface PolicyVersion {
  readonly workspaceId: string;
  readonly version: number;
  /** The policy document as published; validating it is the policy module's job, not the store's. */
  readonly document: unknown;
  /** Who published it (an agent id, or a name such as `system` for the default policy). */
  readonly author: string;
  /** Why it changed. */
  readonly note: string | null;
  readonly createdAt: Date;
  /** The earlier version this one restores, when it was published by a rollback. */
  readonly restoredFrom?: number | null;
}

/** One saved version of a workspace setting (e.g. `handoff_templates`); the highest version per key is current. */
export interface WorkspaceSettingVersion {
  readonly workspaceId: string;
  readonly key: string;
  readonly version: number;
  /** The value as saved; validating it is the caller's job, not the store's. */
  readonly value: unknown;
  /** Who saved it (an agent id, or a name such as `system`). */
  readonly author: string;
  /** Why it changed. */
  readonly note: string | null;
  readonly createdAt: Date;
}

export interface WorkspaceRepository {
  create(input: { slug: string; name: string; demo?: boolean }): Promise<Workspace>;
  getBySlug(slug: string): Promise<Workspace | null>;
  /** Every workspace, oldest first (the first is the install's default). */
  list(): Promise<Workspace[]>;
}

export interface TeamRepository {
  /** Creates the team or updates the one with the same key (leaving its hours alone when `businessHours` is absent). */
  upsert(input: {
    workspaceId: string;
    key: string;
    name: string;
    categories: readonly string[];
    businessHours?: BusinessHours | null;
  }): Promise<Team>;
  list(workspaceId: string): Promise<Team[]>;
  /** Deletes the team; false when the workspace has no team with this key. */
  delete(workspaceId: string, key: string): Promise<boolean>;
}

export interface AgentRepository {
  create(input: {
    workspaceId: string;
    email: string;
    name: string;
    role: AgentRole;
    passwordHash: string;
    teamKeys: readonly string[];
    capacity?: number;
    demo?: boolean;
  }): Promise<Agent>;
  getById(id: string): Promise<Agent | null>;
  /** Emails compare case-insensitively. */
  getByEmail(workspaceId: string, email: string): Promise<Agent | null>;
  list(workspaceId: string): Promise<Agent[]>;
  setStatus(id: string, status: Agent['status']): Promise<Agent>;
  markAssigned(id: string, at: Date): Promise<void>;
  /** Changes role, teams or chat capacity; null when no such agent. */
  update(
    id: string,
    change: { role?: AgentRole; teamKeys?: readonly string[]; capacity?: number },
  ): Promise<Agent | null>;
  /** Deactivates the agent and deletes every session of theirs in the same statement; null when no such agent. */
  deactivate(id: string, at: Date): Promise<Agent | null>;
  /** Sets a new password hash and ends every session but `keepSession` (a token hash), in one statement. */
  setPasswordHash(id: string, passwordHash: string, keepSession: string | null): Promise<void>;
}

/** A one-time link an admin made: an invitation to join, or a password reset for an existing person. */
export interface PeopleLink {
  readonly tokenHash: string;
  readonly workspaceId: string;
  readonly kind: 'invitation' | 'password_reset';
  readonly email: string;
  readonly name: string;
  readonly role: AgentRole;
  readonly teamKeys: readonly string[];
  readonly capacity: number;
  /** The person a reset is for; null for an invitation. */
  readonly agentId: string | null;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export interface PeopleLinkRepository {
  create(link: Omit<PeopleLink, 'createdAt' | 'usedAt'>): Promise<PeopleLink>;
  get(tokenHash: string): Promise<PeopleLink | null>;
  /** Marks the link used if it is unused and unexpired at `at`; null when another use won or it lapsed. */
  use(tokenHash: string, at: Date): Promise<PeopleLink | null>;
  /** Unused, unexpired invitations of a workspace, newest first. */
  pendingInvitations(workspaceId: string, now: Date): Promise<PeopleLink[]>;
  /**
   * Deletes up to `limit` of the workspace's spent links — used, or expired unused — whose use or
   * expiry came before `before` (their e-mail addresses and names go with them); returns how many.
   */
  pruneSpent(workspaceId: string, before: Date, limit: number): Promise<number>;
}

export interface SessionRepository {
  create(session: AgentSession): Promise<void>;
  /** Returns the session even when it has expired: the caller decides with its own clock. */
  get(tokenHash: string): Promise<AgentSession | null>;
  /** An agent's unexpired sessions, newest first. */
  listByAgent(agentId: string, now: Date): Promise<AgentSession[]>;
  delete(tokenHash: string): Promise<void>;
  /** Removes sessions that expired at or before `now`; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}

/** API keys (SPEC §11): stored as the hash of the secret; each acts through its own account row. */
export interface ApiKeyRepository {
  /** Creates the key and its account (`accountName`, never signed in, never assigned) in one statement. */
  create(input: {
    workspaceId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    scopes: readonly ApiKeyScope[];
    accountEmail: string;
    accountName: string;
    accountRole: AgentRole;
    createdBy: string | null;
    at: Date;
  }): Promise<ApiKey>;
  /** The key with this secret's hash, revoked or not: the caller decides. */
  getByTokenHash(tokenHash: string): Promise<ApiKey | null>;
  /** Every key of the workspace, revoked ones included, newest first. */
  list(workspaceId: string): Promise<ApiKey[]>;
  /** Revokes the key (keeping the first revocation time) and deactivates its account; null when no such key here. */
  revoke(workspaceId: string, id: string, at: Date): Promise<ApiKey | null>;
  /** Stamps the key's last use, unless it was stamped less than `resolutionMs` before `at`. */
  markUsed(id: string, at: Date, resolutionMs: number): Promise<void>;
}

export interface CustomerRepository {
  create(input: {
    workspaceId: string;
    externalId?: string | null;
    name?: string | null;
    email?: string | null;
    profile?: Readonly<Record<string, unknown>>;
  }): Promise<Customer>;
  getById(id: string): Promise<Customer | null>;
  /** The customers with these ids that exist, by id (one read for a list of conversations). */
  getByIds(ids: readonly string[]): Promise<ReadonlyMap<string, Customer>>;
  getByExternalId(workspaceId: string, externalId: string): Promise<Customer | null>;
}

export interface ConversationRepository {
  create(
    input: { workspaceId: string; customerId: string; subject?: string | null },
    event: NewEvent,
  ): Promise<Conversation>;
  getById(id: string): Promise<Conversation | null>;
  /** The conversations of these ids that exist, in one read however many (ids that are not, left out). */
  getByIds(ids: readonly string[]): Promise<ReadonlyMap<string, Conversation>>;
  list(workspaceId: string, filter: ConversationFilter): Promise<Conversation[]>;
  /**
   * One page of a list in the filter's order (its `limit` is ignored): up to `page.limit` conversations
   * after the `page.after` cursor, and the cursor of the next page (null after the last). A cursor of
   * the other order, or not one a page gave out, is refused as `invalid_input`.
   */
  page(workspaceId: string, filter: ConversationFilter, page: ListPage): Promise<ConversationPage>;
  /**
   * The id and team of up to `limit` conversations the filter keeps, in no particular order (its
   * `limit` and `orderBy` are ignored): for tallies, without reading or sorting whole rows.
   */
  keys(workspaceId: string, filter: ConversationFilter, limit: number): Promise<ConversationKey[]>;
  /** How many conversations the filter keeps, counted up to `cap` (`capped`: there are more). */
  count(workspaceId: string, filter: ConversationFilter, cap: number): Promise<CappedCount>;
  /**
   * Applies `change` only if the conversation is still in `expectedState`, and appends `event` in the
   * same transaction. Returns null when the state had moved on (a concurrent change won).
   */
  applyChange(
    id: string,
    expected: ConversationState | ExpectedConversation,
    change: ConversationChange,
    event: NewEvent | readonly NewEvent[],
  ): Promise<Conversation | null>;
  /** Reads the conversation and locks it until the surrounding transaction ends (use inside `transaction`). */
  getForUpdate(id: string): Promise<Conversation | null>;
  /** Open conversations (queued or assigned) per assignee, for least-loaded assignment. */
  countOpenByAssignee(workspaceId: string): Promise<ReadonlyMap<string, number>>;
  /**
   * What a live update shows of a conversation, in one read: the conversation, its customer, its
   * assignee's name and every message in order with its author's name (agents' messages only).
   */
  getLiveView(id: string): Promise<LiveConversationView | null>;
  /**
   * Ends the workspace's snoozes whose time has come, each with a `hold_ended` event, and returns
   * the conversations woken. One UPDATE claims the rows, so two processes never wake one twice.
   */
  endDueSnoozes(workspaceId: string, now: Date): Promise<Conversation[]>;
  /**
   * The workspace's conversations the AI still holds whose last customer-visible message is at or
   * before `quietSince`, longest quiet first, each with what the assumed-resolution rule reads
   * (SPEC §2). A page ends with the cursor of the next one (null after the last page).
   */
  listQuietAi(workspaceId: string, page: QuietAiPage): Promise<QuietAiList>;
}

export interface ListPage {
  readonly limit: number;
  /** The `next` of the page before; absent for the first page. */
  readonly after?: string;
}

export interface ConversationPage {
  readonly conversations: readonly Conversation[];
  readonly next: string | null;
}

export interface ConversationKey {
  readonly id: string;
  readonly teamKey: string | null;
}

export interface CappedCount {
  readonly count: number;
  /** There are more than `count` (the cap). */
  readonly capped: boolean;
}

export interface QuietAiPage {
  readonly quietSince: Date;
  readonly limit: number;
  /** The `next` of the page before; absent for the first page. */
  readonly after?: string;
}

export interface QuietAiConversation {
  readonly conversation: Conversation;
  /** The last customer-visible message: who wrote it and when. */
  readonly lastAuthor: MessageAuthor;
  readonly lastMessageAt: Date;
  /** The AI wrote at least one customer-visible message. */
  readonly aiAnswered: boolean;
}

export interface QuietAiList {
  readonly conversations: readonly QuietAiConversation[];
  readonly next: string | null;
}

export interface LiveConversationView {
  readonly conversation: Conversation;
  readonly customer: Customer | null;
  readonly assigneeName: string | null;
  readonly messages: readonly { readonly message: Message; readonly authorName: string | null }[];
}

export interface MessageRepository {
  /**
   * Stores the message and its `message_added` event atomically; idempotent on `idempotencyKey`.
   * Every kind but `note` moves the conversation's `lastMessageAt` (internal notes are not customer-facing).
   */
  append(input: NewMessage, actor: Actor): Promise<{ message: Message; created: boolean }>;
  /**
   * Stores a customer's message with its event in one statement: checks the conversation is theirs,
   * reopens it when resolved, and queues the AI turn when the AI holds it (idempotent on the key).
   * With `lease`, a turn that may run at once (no earlier turn of the conversation is open) is
   * leased to the caller in the same statement and returned with what it needs (`turn`).
   */
  appendCustomerMessage(input: {
    readonly workspaceId: string;
    readonly conversationId: string;
    readonly customerId: string;
    readonly body: string;
    readonly idempotencyKey: string | null;
    readonly lease?: TurnLease;
  }): Promise<CustomerMessageResult>;
  list(conversationId: string): Promise<Message[]>;
  /** The messages of these ids that exist, in one read however many (ids that are not, left out). */
  getByIds(ids: readonly string[]): Promise<ReadonlyMap<string, Message>>;
  /** Each conversation's latest message that is not an internal note (absent: none yet), in one read. */
  lastVisibleOf(conversationIds: readonly string[]): Promise<ReadonlyMap<string, Message>>;
}

export interface EventRepository {
  /**
   * Records an event. Throws DomainError `conversation_not_found`, or `conflict` when the event may
   * be recorded once and already was (a rating, or the rating question, of one resolution).
   */
  append(conversationId: string, event: NewEvent): Promise<ConversationEvent>;
  list(conversationId: string): Promise<ConversationEvent[]>;
  /** Each conversation's events, oldest first (absent: none or not a conversation), in one read. */
  listOf(conversationIds: readonly string[]): Promise<ReadonlyMap<string, ConversationEvent[]>>;
  /** Events of some types across a workspace since a time, oldest first (metrics, wait estimates). */
  listByType(workspaceId: string, types: readonly string[], since: Date): Promise<ConversationEvent[]>;
}

export interface ArticleRepository {
  /**
   * Creates or replaces the article with the same slug (imports, a gap's article), keeping the
   * change as a new version by `author` (default `import`); the same content again changes nothing.
   */
  upsert(input: {
    workspaceId: string;
    slug: string;
    title: string;
    category?: string | null;
    tags?: readonly string[];
    body: string;
    author?: string;
  }): Promise<Article>;
  getById(id: string): Promise<Article | null>;
  getBySlug(workspaceId: string, slug: string): Promise<Article | null>;
  /** The published articles: what customers are answered from. */
  list(workspaceId: string): Promise<Article[]>;
  /** Returns false when there was no such article. */
  delete(id: string): Promise<boolean>;
  /** Full-text search over published articles (any word may match; better matches rank higher), best first. */
  search(workspaceId: string, query: string, limit: number): Promise<ArticleHit[]>;
  /** Every article, unpublished too, by title; `contains` narrows to those whose title, slug, tags or body hold it. */
  records(workspaceId: string, contains?: string): Promise<ArticleRecord[]>;
  record(id: string): Promise<ArticleRecord | null>;
  /** A new article, published, as version 1; `slug_taken` when the workspace has one with that slug. */
  create(
    input: { workspaceId: string; slug: string; author: string } & ArticleContent,
  ): Promise<ArticleWrite>;
  /** One versioned change, only if the article is still at `expectedVersion` (else `stale`). */
  change(input: {
    id: string;
    expectedVersion: number;
    author: string;
    change: ArticleEdit;
  }): Promise<ArticleWrite>;
  /** Sets "last reviewed" to now, by `reviewer`; not a new version (the content did not change). */
  markReviewed(id: string, reviewer: string): Promise<ArticleRecord | null>;
  /** Every version of an article, newest first. */
  versions(id: string): Promise<ArticleVersion[]>;
}

export interface ArticleContent {
  readonly title: string;
  readonly category: string | null;
  readonly tags: readonly string[];
  readonly body: string;
}

/** An article as the knowledge page sees it: the current version, its state and its last review. */
export interface ArticleRecord extends Article {
  readonly version: number;
  readonly published: boolean;
  readonly reviewedAt: Date | null;
  readonly reviewedBy: string | null;
}

export type ArticleChangeKind = 'created' | 'edited' | 'unpublished' | 'republished';

export type ArticleEdit =
  | { readonly kind: 'edit'; readonly content: ArticleContent }
  | { readonly kind: 'unpublish' }
  | { readonly kind: 'republish' };

export interface ArticleVersion extends ArticleContent {
  readonly articleId: string;
  readonly version: number;
  readonly change: ArticleChangeKind;
  readonly published: boolean;
  readonly author: string;
  readonly createdAt: Date;
}

export type ArticleWrite =
  | { readonly kind: 'saved'; readonly article: ArticleRecord }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'stale'; readonly current: ArticleRecord }
  | { readonly kind: 'slug_taken' };

export interface PolicyRepository {
  /** Stores `document` as the workspace's next version (1, 2, …); concurrent publishes get distinct versions. */
  publish(input: {
    workspaceId: string;
    document: unknown;
    author: string;
    note?: string | null;
    at?: Date;
    /** Set by a rollback: the earlier version whose document this publishes again. */
    restoredFrom?: number | null;
    /**
     * Publish only if this is still the current version (0: none yet); otherwise `conflict` and
     * nothing is stored — for a change made from a version someone may have moved on from.
     */
    ifCurrent?: number;
  }): Promise<PolicyVersion>;
  /** The highest published version, or null before the first publish. */
  current(workspaceId: string): Promise<PolicyVersion | null>;
  get(workspaceId: string, version: number): Promise<PolicyVersion | null>;
  /** Every version, newest first (the audit trail). */
  list(workspaceId: string): Promise<PolicyVersion[]>;
}

export interface WorkspaceSettingRepository {
  /** Stores `value` as the key's next version (1, 2, … per key); concurrent saves get distinct versions. */
  publish(input: {
    workspaceId: string;
    key: string;
    value: unknown;
    author: string;
    note?: string | null;
    at?: Date;
    /** Save only if this is still the key's current version (0: none yet); otherwise `conflict`. */
    ifCurrent?: number;
  }): Promise<WorkspaceSettingVersion>;
  /** The key's highest version, or null before the first save. */
  current(workspaceId: string, key: string): Promise<WorkspaceSettingVersion | null>;
  /** Every version of the key, newest first (the audit trail). */
  list(workspaceId: string, key: string): Promise<WorkspaceSettingVersion[]>;
}

/** A rate-limit counter: points used in the current window, and when the window ends (epoch ms; null: never). */
export interface RateLimitCounter {
  readonly points: number;
  readonly expiresAt: number | null;
}

/** Counters behind the rate limits (SPEC §11), shared by every process on the database. */
export interface RateLimitRepository {
  /**
   * Adds `points` to the key's counter, atomically. A counter whose window has ended by `now`, or
   * any counter when `restart` is set, starts again from `points` with the window ending at `expiresAt`.
   */
  add(
    key: string,
    points: number,
    expiresAt: number | null,
    now: number,
    restart: boolean,
  ): Promise<RateLimitCounter>;
  /** The key's counter while its window lasts, or null. */
  get(key: string, now: number): Promise<RateLimitCounter | null>;
  /** Returns false when there was no counter. */
  delete(key: string): Promise<boolean>;
  /** Removes counters whose window ended before `before`; returns how many. */
  deleteExpired(before: number): Promise<number>;
}

/** A team's live queue from SQL aggregates: the inputs of its wait estimate (SPEC §6). */
export interface TeamQueueStats {
  /** Conversations queued for the team ahead of a newcomer (at or above its priority, when given). */
  readonly waiting: number;
  /** The team's available agents: each one's capacity (chat concurrency) and open conversations. */
  readonly agentsOnShift: readonly { readonly capacity: number; readonly open: number }[];
  /** Minutes from first pick-up to a person's resolution, over the team's conversations picked up since `since`. */
  readonly handleMinutes: { readonly median: number | null; readonly samples: number };
}

export interface QueueHead extends Conversation {
  /** Who resolved this customer's latest conversation resolved by a person, if recent; else null. */
  readonly returningAgentId: string | null;
}

export interface TeamQueueRepository {
  /** Serialises automatic assignment in a workspace until the surrounding transaction ends. */
  lock(workspaceId: string): Promise<void>;
  /**
   * The first conversation in each team's queue (highest priority, then longest waiting), with the
   * agent who last resolved a conversation of the same customer since `returningSince` (the same
   * conversation reopened, or an earlier one), so a returning customer can go back to them.
   */
  heads(workspaceId: string, teamKeys: readonly string[], returningSince: Date): Promise<QueueHead[]>;
  /** How many conversations wait in each team's queue (teams with none are absent). */
  waitingByTeam(workspaceId: string): Promise<ReadonlyMap<string, number>>;
  /** How many open conversations (the AI's, queued or assigned) each team holds, held ones included. */
  openByTeam(workspaceId: string): Promise<ReadonlyMap<string, number>>;
  stats(workspaceId: string, teamKey: string, since: Date, priority?: number): Promise<TeamQueueStats>;
}

/** A saved reply of one team (placeholders as in src/core/canned-replies/placeholders.ts). */
export interface CannedReply {
  readonly id: string;
  readonly workspaceId: string;
  readonly teamKey: string;
  readonly title: string;
  readonly body: string;
  readonly authorId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface CannedReplyRepository {
  /** The teams' replies by title; every team's when `teamKeys` is absent. */
  list(workspaceId: string, teamKeys?: readonly string[]): Promise<CannedReply[]>;
  getById(workspaceId: string, id: string): Promise<CannedReply | null>;
  /** Refuses (`conflict`) a title the team already has. */
  create(input: {
    workspaceId: string;
    teamKey: string;
    title: string;
    body: string;
    authorId: string | null;
  }): Promise<CannedReply>;
  /** Null when there is no such reply in the workspace; `conflict` for a title the team already has. */
  update(
    workspaceId: string,
    id: string,
    change: { teamKey: string; title: string; body: string; authorId: string | null },
  ): Promise<CannedReply | null>;
  /** Whether there was such a reply to delete. */
  delete(workspaceId: string, id: string): Promise<boolean>;
}

/**
 * What each person has read (the inbox's unread markers). A conversation is unread for a person when
 * it holds, after what they last read, a message theirs to notice: the customer's, or a colleague's
 * reply or note (not the AI's, the system's or their own).
 */
export interface ReadMarkRepository {
  /** Marks every message the conversation holds now as read by the person; never moves backwards. */
  markRead(agentId: string, conversationId: string): Promise<void>;
  /** Which of these conversations are unread for the person. */
  unreadAmong(agentId: string, conversationIds: readonly string[]): Promise<ReadonlySet<string>>;
}

export interface Store {
  readonly workspaces: WorkspaceRepository;
  readonly teams: TeamRepository;
  readonly agents: AgentRepository;
  readonly peopleLinks: PeopleLinkRepository;
  readonly sessions: SessionRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly customers: CustomerRepository;
  readonly conversations: ConversationRepository;
  readonly messages: MessageRepository;
  readonly events: EventRepository;
  readonly articles: ArticleRepository;
  readonly policies: PolicyRepository;
  readonly settings: WorkspaceSettingRepository;
  readonly rateLimits: RateLimitRepository;
  readonly aiTurns: AiTurnJobs;
  readonly queues: TeamQueueRepository;
  /** Runs `work` in one transaction: everything it writes through `tx` commits together or not at all. */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Committed changes to what AI turns read, from every process sharing the database. */
  readonly changes: ChangeFeed;
  /** Agents' confirmed categories: the workspace's labelled history. */
  readonly categoryHistory: CategoryHistoryRepository;
  /** The coaching loop's weekly review samples and labels (SPEC §8). */
  readonly reviews: ReviewRepository;
  /** Outbound webhooks: endpoints, deliveries queued with their events, and every attempt (issue 12). */
  readonly webhooks: WebhookRepository;
  /** Conversation facts kept current from the events, and the SPEC §9 report over them. */
  readonly metrics: MetricsRepository;
  /** The teams' saved replies (canned replies). */
  readonly cannedReplies: CannedReplyRepository;
  /** What each person has read of each conversation (unread markers). */
  readonly readMarks: ReadMarkRepository;
  /** Conversation tags: the workspace's tag names and which conversations carry them. */
  readonly tags: TagRepository;
}

/**
 * A committed change to what an AI turn reads (issue 9, caches by version). The database announces
 * it at commit, whoever wrote it, so a per-process cache reloads only what a notice names.
 */
export type WorkspaceChange =
  | { readonly kind: 'policy'; readonly workspaceId: string }
  | { readonly kind: 'setting'; readonly workspaceId: string; readonly key: string }
  | { readonly kind: 'knowledge'; readonly workspaceId: string }
  | { readonly kind: 'category_confirmed'; readonly workspaceId: string; readonly conversationId: string }
  /** Notices may have been lost (the listening connection dropped and came back): treat everything as changed. */
  | { readonly kind: 'missed' };

export interface ChangeFeed {
  /** Hears every change committed after the returned promise resolves; call the result to stop. */
  subscribe(listener: (change: WorkspaceChange) => void): Promise<() => void>;
}

/** A conversation's latest confirmed category with the customer's words it labels. */
export interface ConfirmedCategory {
  readonly conversationId: string;
  readonly category: string;
  readonly text: string;
}

export interface CategoryHistoryRepository {
  /** The latest confirmation of every conversation that has one (with non-empty text), in the order they were made. */
  latest(workspaceId: string): Promise<ConfirmedCategory[]>;
  /** One conversation's latest confirmation, or null (read when a notice names it). */
  latestOf(conversationId: string): Promise<ConfirmedCategory | null>;
}
