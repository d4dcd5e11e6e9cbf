/** Row → domain mappers: one small pure function per table. */

import type { Selectable } from 'kysely';
import type { ConversationHold } from '../../core/conversation/hold.ts';
import { conversationStates } from '../../core/conversation/lifecycle.ts';
import type {
  Agent,
  AgentSession,
  Article,
  Conversation,
  ConversationEvent,
  Customer,
  Message,
  Team,
  Workspace,
} from '../../core/model.ts';
import { agentRoles } from '../../core/model.ts';
import type { PolicyVersion } from '../../core/ports/store.ts';
import type {
  AgentSessionTable,
  AgentTable,
  ArticleTable,
  ConversationEventTable,
  ConversationTable,
  CustomerTable,
  MessageTable,
  PolicyVersionTable,
  TeamTable,
  WorkspaceTable,
} from './database.ts';
import { actorOf, businessHoursOf, citationsOf, oneOf, recordOf } from './row-values.ts';

const agentStatuses = ['available', 'away'] as const;
const resolutions = ['ai', 'human', 'abandoned'] as const;
export const messageAuthors = ['customer', 'ai', 'agent', 'system'] as const;
const messageKinds = ['message', 'note', 'handoff'] as const;

export const toWorkspace = (row: Selectable<WorkspaceTable>): Workspace => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  createdAt: row.created_at,
  demo: row.is_demo,
});

export const toTeam = (row: Selectable<TeamTable>): Team => ({
  id: row.id,
  workspaceId: row.workspace_id,
  key: row.key,
  name: row.name,
  categories: row.categories,
  businessHours: businessHoursOf(row.business_hours),
});

export const toAgent = (row: Selectable<AgentTable>): Agent => ({
  id: row.id,
  workspaceId: row.workspace_id,
  email: row.email,
  name: row.name,
  role: oneOf(agentRoles, row.role, 'agent role'),
  passwordHash: row.password_hash,
  teamKeys: row.team_keys,
  status: oneOf(agentStatuses, row.status, 'agent status'),
  capacity: row.capacity,
  lastAssignedAt: row.last_assigned_at,
  demo: row.is_demo,
  active: row.deactivated_at === null,
});

export const toSession = (row: Selectable<AgentSessionTable>): AgentSession => ({
  tokenHash: row.token_hash,
  agentId: row.agent_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});

export const toCustomer = (row: Selectable<CustomerTable>): Customer => ({
  id: row.id,
  workspaceId: row.workspace_id,
  externalId: row.external_id,
  name: row.name,
  email: row.email,
  profile: recordOf(row.profile, 'customer profile'),
  createdAt: row.created_at,
});

/** A conversation row; the list-order copy of its time (migration 0076) is the database's alone. */
type ConversationRow = Omit<Selectable<ConversationTable>, 'resolved_activity_at'>;

const holdOf = (row: ConversationRow): ConversationHold | null => {
  if (row.waiting_on_customer) return { kind: 'waiting_on_customer' };
  return row.snoozed_until === null ? null : { kind: 'snoozed', until: row.snoozed_until };
};

export const toConversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  workspaceId: row.workspace_id,
  customerId: row.customer_id,
  state: oneOf(conversationStates, row.state, 'conversation state'),
  teamKey: row.team_key,
  assigneeId: row.assignee_id,
  category: row.category,
  priority: row.priority,
  resolution: row.resolution === null ? null : oneOf(resolutions, row.resolution, 'resolution'),
  subject: row.subject,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  lastMessageAt: row.last_message_at,
  version: row.version,
  queuedAt: row.queued_at,
  hold: holdOf(row),
});

export const toMessage = (row: Selectable<MessageTable>): Message => ({
  id: row.id,
  conversationId: row.conversation_id,
  author: oneOf(messageAuthors, row.author, 'message author'),
  authorId: row.author_id,
  kind: oneOf(messageKinds, row.kind, 'message kind'),
  body: row.body,
  citations: citationsOf(row.citations),
  idempotencyKey: row.idempotency_key,
  createdAt: row.created_at,
});

export const toEvent = (row: Selectable<ConversationEventTable>): ConversationEvent => ({
  id: row.id,
  conversationId: row.conversation_id,
  type: row.type,
  actor: actorOf(row.actor),
  data: recordOf(row.data, 'event data'),
  at: row.at,
});

/** An article's columns as the answerer and the search read them (its text, not its history). */
export const articleColumns = [
  'id',
  'workspace_id',
  'slug',
  'title',
  'category',
  'tags',
  'body',
  'updated_at',
] as const;

export const toArticle = (row: Pick<Selectable<ArticleTable>, (typeof articleColumns)[number]>): Article => ({
  id: row.id,
  workspaceId: row.workspace_id,
  slug: row.slug,
  title: row.title,
  category: row.category,
  tags: row.tags,
  body: row.body,
  updatedAt: row.updated_at,
});

export const toPolicyVersion = (row: Selectable<PolicyVersionTable>): PolicyVersion => ({
  workspaceId: row.workspace_id,
  version: row.version,
  document: row.document,
  author: row.author,
  note: row.note,
  createdAt: row.created_at,
});
