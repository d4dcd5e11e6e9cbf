/**
 * A conversation list a page at a time, and how many a list holds. A page's cursor names its last
 * row's place in the list's order — priority, the order's time to the microsecond (as PostgreSQL
 * keeps it: a JavaScript date would round it and could return a row twice) and the id — so a page
 * after it starts right behind that row, however the rows before it changed meanwhile.
 */
import { sql } from 'kysely';
import { DomainError } from '../../core/errors.ts';
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
import { isUuid } from './row-values.ts';

const MAX_PAGE = 500;
const MAX_COUNT_CAP = 100_000;

interface Place {
  readonly priority: number;
  readonly at: string;
  readonly id: string;
}

const orderKey = (filter: ConversationFilter) => (filter.orderBy === 'recent' ? 'r' : 'q');

const cursorOf = (filter: ConversationFilter, place: Place): string =>
  [orderKey(filter), place.priority, place.at, place.id].join('|');

const notACursor = () =>
  new DomainError('invalid_input', 'The cursor is not one this list gave out: start again without it.');

const parseCursor = (filter: ConversationFilter, cursor: string): Place => {
  const [order, priority = '', at = '', id = '', ...rest] = cursor.split('|');
  if (
    order !== orderKey(filter) ||
    rest.length > 0 ||
    !/^-?\d{1,9}$/.test(priority) ||
    Number.isNaN(Date.parse(at)) ||
    !isUuid(id)
  )
    throw notACursor();
  return { priority: Number(priority), at, id };
};

/** The rows after `place` in the list's order (see inListOrder). */
const after = (query: ConversationQuery, filter: ConversationFilter, place: Place): ConversationQuery => {
  const time = orderTime(filter.orderBy);
  return filter.orderBy === 'recent'
    ? query.where(
        sql<boolean>`(${time} < ${place.at}::timestamptz
          OR (${time} = ${place.at}::timestamptz AND conversations.id > ${place.id}::uuid))`,
      )
    : query.where(
        sql<boolean>`(conversations.priority < ${place.priority}::integer
          OR (conversations.priority = ${place.priority}::integer
            AND (${time}, conversations.id) > (${place.at}::timestamptz, ${place.id}::uuid)))`,
      );
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
  const rows = await inListOrder(from === null ? base : after(base, filter, from), filter.orderBy)
    .selectAll()
    .select(
      sql<string>`to_char(${orderTime(filter.orderBy)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'page_at',
      ),
    )
    .limit(limit + 1)
    .execute();
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    conversations: shown.map(toConversation),
    next:
      rows.length > limit && last
        ? cursorOf(filter, { priority: last.priority, at: last.page_at, id: last.id })
        : null,
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
