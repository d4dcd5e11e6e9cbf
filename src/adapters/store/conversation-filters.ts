/**
 * The narrowing filters of a conversation list (priority, category, start date, assignee, search, tag)
 * as one SQL condition. Search calls the functions the GIN indexes of migration 0050 are built on.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { ConversationFilter } from '../../core/ports/store.ts';
import { type ConversationSearch, prefixQueryOf } from '../../core/search/conversation-search.ts';
import type { Database } from './database.ts';

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
  if (filter.tag !== undefined) {
    all.push(
      sql<SqlBool>`EXISTS (SELECT 1 FROM conversation_tags ct
        WHERE ct.conversation_id = conversations.id AND ct.name = ${filter.tag})`,
    );
  }
  return eb.and(all);
};
