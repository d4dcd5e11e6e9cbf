/**
 * A conversation list's filter as SQL: the view's states, teams, assignee and hold, the narrowing
 * filters (priority, category, start date, search, tag, unread) and the two orders a list comes in.
 * Search calls the functions the GIN indexes of migration 0050 are built on.
 */
import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { ConversationFilter } from '../../core/ports/store.ts';
import { type ConversationSearch, prefixQueryOf } from '../../core/search/conversation-search.ts';
import type { Database, Db } from './database.ts';
import { isUuid } from './row-values.ts';

type Conversations = ExpressionBuilder<Database, 'conversations'>;

const searchCondition = (eb: Conversations, search: ConversationSearch): Expression<SqlBool> => {
  const either: Expression<SqlBool>[] = [];
  if (search.idPrefix !== null) {
    either.push(sql<SqlBool>`conversations.id::text LIKE ${`${search.idPrefix}%`}`);
  }
  if (search.words.length > 0) {
    const words = prefixQueryOf(search);
    either.push(
      eb(
        'conversations.customer_id',
        'in',
        eb
          .selectFrom('customers')
          .select('customers.id')
          .whereRef('customers.workspace_id', '=', 'conversations.workspace_id')
          .where(sql<SqlBool>`baton_customer_words(customers.name, customers.email)
            @@ to_tsquery('simple'::regconfig, ${words})`),
      ),
      eb.exists(
        eb
          .selectFrom('messages')
          .select(sql`1`.as('one'))
          .whereRef('messages.conversation_id', '=', 'conversations.id')
          .where(
            sql<SqlBool>`baton_message_words(messages.body) @@ to_tsquery('english'::regconfig, ${words})`,
          ),
      ),
    );
  }
  return eb.or(either);
};

/**
 * News the person has not read: a customer's message, or a colleague's reply or note, after their
 * read mark. The one statement of the rule (the read marks' `unreadAmong` asks it too).
 */
export const unreadCondition = (agentId: string): Expression<SqlBool> => sql<SqlBool>`EXISTS (
  SELECT 1 FROM messages m
  WHERE m.conversation_id = conversations.id
    AND m.seq > COALESCE((SELECT r.read_seq FROM conversation_reads r
      WHERE r.conversation_id = conversations.id AND r.agent_id = ${agentId}::uuid), 0)
    AND (m.author = 'customer'
      OR (m.author = 'agent' AND m.kind IN ('message', 'note') AND m.author_id IS DISTINCT FROM ${agentId}::text)))`;

/** Every narrowing filter that is set, joined by AND (true when none is). */
export const narrowingCondition = (eb: Conversations, filter: ConversationFilter): Expression<SqlBool> => {
  const all: Expression<SqlBool>[] = [];
  if (filter.unassigned && filter.assigneeId === undefined) all.push(eb('assignee_id', 'is', null));
  if (filter.priorities !== undefined) {
    all.push(filter.priorities.length === 0 ? sql<SqlBool>`false` : eb('priority', 'in', filter.priorities));
  }
  if (filter.categories !== undefined) {
    all.push(filter.categories.length === 0 ? sql<SqlBool>`false` : eb('category', 'in', filter.categories));
  }
  if (filter.startedFrom !== undefined) all.push(eb('created_at', '>=', filter.startedFrom));
  if (filter.startedBefore !== undefined) all.push(eb('created_at', '<', filter.startedBefore));
  if (filter.search !== undefined) all.push(searchCondition(eb, filter.search));
  if (filter.unreadBy !== undefined) all.push(unreadCondition(filter.unreadBy));
  if (filter.tag !== undefined) {
    all.push(
      sql<SqlBool>`EXISTS (SELECT 1 FROM conversation_tags ct
        WHERE ct.conversation_id = conversations.id AND ct.name = ${filter.tag})`,
    );
  }
  return eb.and(all);
};

export type ConversationQuery = SelectQueryBuilder<Database, 'conversations', object>;

/**
 * The workspace's conversations the filter keeps, as a query to select, order, page or count; null
 * when it can keep none (no states, no teams, an id that is not one).
 */
export const filteredConversations = (
  db: Db,
  workspaceId: string,
  filter: ConversationFilter,
): ConversationQuery | null => {
  const { states, teamKeys, assigneeId, customerId, unreadBy } = filter;
  if (states?.length === 0 || (teamKeys?.length === 0 && !filter.orNoTeam)) return null;
  for (const id of [assigneeId, customerId, unreadBy]) if (id !== undefined && !isUuid(id)) return null;
  let query: ConversationQuery = db.selectFrom('conversations').where('workspace_id', '=', workspaceId);
  if (states !== undefined) query = query.where('state', 'in', states);
  if (teamKeys !== undefined && filter.orNoTeam) {
    const keys = teamKeys;
    query = query.where((eb) =>
      keys.length === 0
        ? eb('team_key', 'is', null)
        : eb.or([eb('team_key', 'in', keys), eb('team_key', 'is', null)]),
    );
  } else if (teamKeys !== undefined) {
    query = query.where('team_key', 'in', teamKeys);
  }
  if (assigneeId !== undefined) query = query.where('assignee_id', '=', assigneeId);
  if (customerId !== undefined) query = query.where('customer_id', '=', customerId);
  if (filter.hold === 'none') {
    query = query.where('snoozed_until', 'is', null).where('waiting_on_customer', '=', false);
  } else if (filter.hold === 'snoozed') {
    query = query.where('snoozed_until', 'is not', null);
  } else if (filter.hold === 'waiting_on_customer') {
    query = query.where('waiting_on_customer', '=', true);
  }
  return query.where((eb) => narrowingCondition(eb, filter));
};

/** The time a list orders by: joining the queue (else starting) for `queue`, the latest activity for `recent`. */
export const orderTime = (orderBy: ConversationFilter['orderBy']) =>
  orderBy === 'recent'
    ? sql<Date>`coalesce(conversations.last_message_at, conversations.created_at)`
    : sql<Date>`coalesce(conversations.queued_at, conversations.created_at)`;

/**
 * `queue`: highest priority first, then longest waiting; `recent`: latest activity first. The id
 * breaks ties, so the order is total and a page's cursor names one place in it.
 */
export const inListOrder = <O>(
  query: SelectQueryBuilder<Database, 'conversations', O>,
  orderBy: ConversationFilter['orderBy'],
) =>
  orderBy === 'recent'
    ? query.orderBy(orderTime('recent'), 'desc').orderBy('conversations.id')
    : query.orderBy('conversations.priority', 'desc').orderBy(orderTime('queue')).orderBy('conversations.id');
