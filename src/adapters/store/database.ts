/**
 * The tables as Kysely sees them (one interface per table). jsonb columns are written as JSON text
 * (`JSON.stringify`, so arrays are not mistaken for PostgreSQL arrays) and read back parsed.
 */
import type { ColumnType, Generated, GeneratedAlways, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | undefined, Date>;
type NullableTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;
type Jsonb = ColumnType<unknown, string | undefined, string>;
type TextArray = ColumnType<string[], readonly string[] | undefined, readonly string[]>;
/** bigint identity columns: pg returns int8 as a string; they only order rows. */
type Sequence = ColumnType<string, never, never>;

export interface WorkspaceTable {
  id: Generated<string>;
  slug: string;
  name: string;
  created_at: Generated<Date>;
  is_demo: Generated<boolean>;
  /** Creation order (identity), for ties of created_at. */
  seq: Generated<string>;
}

export interface TeamTable {
  id: Generated<string>;
  workspace_id: string;
  key: string;
  name: string;
  categories: TextArray;
  business_hours: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface AgentTable {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  team_keys: TextArray;
  status: Generated<string>;
  capacity: Generated<number>;
  last_assigned_at: NullableTimestamp;
  created_at: Generated<Date>;
  is_demo: Generated<boolean>;
  deactivated_at: NullableTimestamp;
}

export interface PeopleLinkTable {
  token_hash: string;
  workspace_id: string;
  kind: string;
  email: string;
  name: string;
  role: string;
  team_keys: TextArray;
  capacity: Generated<number>;
  agent_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  expires_at: Date;
  used_at: NullableTimestamp;
}

export interface AgentSessionTable {
  token_hash: string;
  agent_id: string;
  created_at: Date;
  expires_at: Date;
}

export interface CustomerTable {
  id: Generated<string>;
  workspace_id: string;
  external_id: string | null;
  name: string | null;
  email: string | null;
  profile: Jsonb;
  created_at: Generated<Date>;
}

export interface ConversationTable {
  id: Generated<string>;
  workspace_id: string;
  customer_id: string;
  state: string;
  team_key: string | null;
  assignee_id: string | null;
  category: string | null;
  priority: Generated<number>;
  resolution: string | null;
  subject: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_message_at: NullableTimestamp;
  /** Bumped by every change of state or holder: agents' actions compare-and-set on it. */
  version: Generated<number>;
  /** When it joined its team's queue (hand-over or requeue): the queue's order among equal priorities. */
  queued_at: NullableTimestamp;
  /** The newest customer message: the one the AI's turn must answer for its outcome to be sent. */
  last_customer_message_id: string | null;
  /** Snoozed until this time (migration 0052); null when not snoozed. */
  snoozed_until: NullableTimestamp;
  /** An agent marked it waiting on the customer; the customer's next message clears it. */
  waiting_on_customer: Generated<boolean>;
  /** The latest activity while resolved, null while open; stored by PostgreSQL (migration 0076). */
  resolved_activity_at: GeneratedAlways<Date | null>;
}

export interface MessageTable {
  id: Generated<string>;
  seq: Sequence;
  conversation_id: string;
  author: string;
  author_id: string | null;
  kind: string;
  body: string;
  citations: Jsonb;
  idempotency_key: string | null;
  created_at: Timestamp;
}

export interface ConversationEventTable {
  id: Generated<string>;
  seq: Sequence;
  conversation_id: string;
  workspace_id: string;
  type: string;
  actor: Jsonb;
  data: Jsonb;
  at: Timestamp;
}

export interface AiJobTable {
  message_id: string;
  seq: Sequence;
  conversation_id: string;
  workspace_id: string;
  state: Generated<string>;
  attempts: Generated<number>;
  run_after: Timestamp;
  lease_owner: string | null;
  lease_until: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface ArticleTable {
  id: Generated<string>;
  workspace_id: string;
  slug: string;
  title: string;
  category: string | null;
  tags: TextArray;
  body: string;
  /** Weighted full-text vector (title A, category and tags B, body C), written by every upsert. */
  search_vector: string;
  updated_at: Timestamp;
  /** The article_versions row this row holds (0012). */
  version: Generated<number>;
  /** Only published articles are searched and answered from. */
  published: Generated<boolean>;
  reviewed_at: NullableTimestamp;
  reviewed_by: string | null;
}

export interface ArticleVersionTable {
  article_id: string;
  version: number;
  workspace_id: string;
  change: string;
  title: string;
  category: string | null;
  tags: TextArray;
  body: string;
  published: boolean;
  author: string;
  created_at: Timestamp;
}

export interface PolicyVersionTable {
  workspace_id: string;
  version: number;
  document: Jsonb;
  author: string;
  note: string | null;
  created_at: Timestamp;
}

export interface RateLimitTable {
  key: string;
  points: number;
  /** Epoch milliseconds; pg returns int8 as a string. */
  expires_at: ColumnType<string | null, number | null, number | null>;
}

export interface WebhookEndpointTable {
  id: Generated<string>;
  workspace_id: string;
  url: string;
  event_types: TextArray;
  description: string | null;
  secret: Jsonb;
  enabled: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface WebhookDeliveryTable {
  id: Generated<string>;
  seq: Sequence;
  endpoint_id: string;
  workspace_id: string;
  event_id: string | null;
  event_type: string;
  body: string;
  state: Generated<string>;
  attempts: Generated<number>;
  run_after: Timestamp;
  lease_owner: string | null;
  lease_until: NullableTimestamp;
  last_status: number | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface WebhookAttemptTable {
  delivery_id: string;
  attempt: number;
  started_at: Date;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  next_attempt_at: Date | null;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Generated<Date>;
}

export interface Database {
  workspaces: WorkspaceTable;
  teams: TeamTable;
  agents: AgentTable;
  agent_sessions: AgentSessionTable;
  people_links: PeopleLinkTable;
  customers: CustomerTable;
  conversations: ConversationTable;
  messages: MessageTable;
  conversation_events: ConversationEventTable;
  ai_jobs: AiJobTable;
  articles: ArticleTable;
  article_versions: ArticleVersionTable;
  policy_versions: PolicyVersionTable;
  rate_limits: RateLimitTable;
  schema_migrations: SchemaMigrationTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
}

export type Db = Kysely<Database>;
