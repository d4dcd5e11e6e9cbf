/**
 * A conversation list a page at a time, and how many a list holds. A page's cursor names its last
 * row's place in the list's order — the order, priority, the order's time to the microsecond and the
 * id (page-cursor.ts) — so a page after it starts right behind that row, however the rows before it
 * changed meanwhile.
 */
import { type RawBuilder, sql } from 'kysely';
import { conversationStates } from '../../core/conversation/lifecycle.ts';
import type {
  CappedCount,
  ConversationFilter,
  ConversationKey,
  ConversationPage,
  ListPage,
} from '../../core/ports/store.ts';
import {
  type ConversationQuery,
  filteredConversations,
  inListOrder,
  orderTime,
} from './conversation-filters.ts';
import type { Db } from './database.ts';
import { toConversation } from './mappers.ts';
import { cursorOf, cursorParts, exactTime, isInstantText } from './page-cursor.ts';
import { isUuid } from './row-values.ts';

const MAX_PAGE = 500;
const MAX_COUNT_CAP = 100_000;

interface Place {
  readonly priority: number;
  readonly at: string;
  readonly id: string;
}

const orderKey = (filter: ConversationFilter) => (filter.orderBy === 'recent' ? 'r' : 'q');

const parseCursor = (filter: ConversationFilter, cursor: string): Place => {
  const [, priority = '', at = '', id = ''] = cursorParts(cursor, [
    (order) => order === orderKey(filter),
    (priority) => /^-?\d{1,9}$/.test(priority),
    isInstantText,
    isUuid,
  ]);
  return { priority: Number(priority), at, id };
};

/**
 * The rows after `place` in the list's order (see inListOrder); `time` is the order's time, or the
 * stored copy of it that the resolved rows' index holds.
 */
const after = (
  query: ConversationQuery,
  filter: ConversationFilter,
  place: Place,
  time: RawBuilder<Date> = orderTime(filter.orderBy),
): ConversationQuery =>
  filter.orderBy === 'recent'
    ? query.where(
        sql<boolean>`(${time} < ${place.at}::timestamptz
          OR (${time} = ${place.at}::timestamptz AND conversations.id > ${place.id}::uuid))`,
      )
    : query.where(
        sql<boolean>`(conversations.priority < ${place.priority}::integer
          OR (conversations.priority = ${place.priority}::integer
            AND (${time}, conversations.id) > (${place.at}::timestamptz, ${place.id}::uuid)))`,
      );

/**
 * Up to `limit` rows of the list after `from`, in its order, each with its exact order time. In
 * latest-activity order the resolved conversations are read from their index by the stored copy of
 * that time (migration 0076) and merged with the open ones, which are few and sorted as they are.
 * The exact time (for the cursor) is written out for the page's rows only, after the sort.
 */
const rowsInOrder = (
  db: Db,
  base: ConversationQuery,
  filter: ConversationFilter,
  from: Place | null,
  limit: number,
) => {
  const ordered = (query: ConversationQuery) =>
    inListOrder(from === null ? query : after(query, filter, from), filter.orderBy)
      .selectAll()
      .select(orderTime(filter.orderBy).as('page_time'))
      .limit(limit);
  const resolvedAt = sql<Date>`conversations.resolved_activity_at`;
  const resolvedOnly = (query: ConversationQuery) =>
    (from === null ? query : after(query, filter, from, resolvedAt))
      .where('conversations.state', '=', 'resolved')
      .orderBy('conversations.resolved_activity_at', 'desc')
      .orderBy('conversations.id')
      .selectAll()
      .select(resolvedAt.as('page_time'))
      .limit(limit);
  const rows = () => {
    const states = filter.states ?? conversationStates;
    if (filter.orderBy !== 'recent' || !states.includes('resolved')) return ordered(base);
    // Named states, so the open ones are found through the state index, not by reading them all.
    const openStates = states.filter((state) => state !== 'resolved');
    if (openStates.length === 0) return resolvedOnly(base);
    return db
      .selectFrom(ordered(base.where('conversations.state', 'in', openStates)).as('o'))
      .selectAll()
      .unionAll(db.selectFrom(resolvedOnly(base).as('r')).selectAll());
  };
  const page = db.selectFrom(rows().as('p')).selectAll().select(exactTime(sql`p.page_time`).as('page_at'));
  return (
    filter.orderBy === 'recent'
      ? page.orderBy('page_time', 'desc').orderBy('id')
      : page.orderBy('priority', 'desc').orderBy('page_time').orderBy('id')
  )
    .limit(limit)
    .execute();
};

export const pageOfConversations = async (
  db: Db,
  workspaceId: string,
  filter: ConversationFilter,
  page: ListPage,
): Promise<ConversationPage> => {
  const from = page.after === undefined ? null : parseCursor(filter, page.after);
  const base = filteredConversations(db, workspaceId, filter);
  if (base === null) return { conversations: [], next: null };
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(page.limit)));
  const rows = await rowsInOrder(db, base, filter, from, limit + 1);
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    conversations: shown.map(toConversation),
    next:
      rows.length > limit && last ? cursorOf([orderKey(filter), last.priority, last.page_at, last.id]) : null,
  };
};

export const countConversations = async (
  db: Db,
  workspaceId: string,
  filter: ConversationFilter,
  cap: number,
): Promise<CappedCount> => {
  const limit = Math.max(0, Math.min(MAX_COUNT_CAP, Math.floor(cap)));
  const query = filteredConversations(db, workspaceId, filter);
  if (query === null) return { count: 0, capped: false };
  const row = await db
    .selectFrom(
      query
        .select(sql`1`.as('one'))
        .limit(limit + 1)
        .as('kept'),
    )
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return { count: Math.min(n, limit), capped: n > limit };
};

export const conversationKeys = async (
  db: Db,
  workspaceId: string,
  filter: ConversationFilter,
  limit: number,
): Promise<ConversationKey[]> => {
  const query = filteredConversations(db, workspaceId, filter);
  if (query === null) return [];
  const rows = await query
    .select(['conversations.id', 'conversations.team_key'])
    .limit(Math.max(0, Math.min(MAX_COUNT_CAP, Math.floor(limit))))
    .execute();
  return rows.map((row) => ({ id: row.id, teamKey: row.team_key }));
};
