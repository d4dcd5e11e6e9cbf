/**
 * Conversations the AI still holds whose customer has gone quiet, for the assumed-resolution sweep:
 * longest quiet first, a page at a time, each with its last customer-visible message and whether
 * the AI ever answered — one read per page instead of every transcript. The narrowing uses the
 * (workspace, state) index: an index on the last message's time would make every message's
 * conversation update a non-HOT one on the hot path, for a sweep that runs every few minutes.
 */
import { sql } from 'kysely';
import type { QuietAiList, QuietAiPage } from '../../core/ports/store.ts';
import type { Db } from './database.ts';
import { messageAuthors, toConversation } from './mappers.ts';
import { cursorOf, cursorParts, exactTime, isInstantText } from './page-cursor.ts';
import { isUuid, oneOf } from './row-values.ts';

const MAX_PAGE = 1000;

/** The cursor names the last row of a page by its exact time and its id (page-cursor.ts). */
const parseCursor = (cursor: string): { at: string; id: string } => {
  const [at = '', id = ''] = cursorParts(cursor, [isInstantText, isUuid]);
  return { at, id };
};

export const listQuietAi = async (db: Db, workspaceId: string, page: QuietAiPage): Promise<QuietAiList> => {
  if (!isUuid(workspaceId)) return { conversations: [], next: null };
  const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(page.limit)));
  const after = page.after === undefined ? null : parseCursor(page.after);
  let query = db
    .selectFrom('conversations as c')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('messages as m')
          .select(['m.author', 'm.created_at'])
          .whereRef('m.conversation_id', '=', 'c.id')
          .where('m.kind', '<>', 'note')
          .orderBy('m.seq', 'desc')
          .limit(1)
          .as('last'),
      (join) => join.onTrue(),
    )
    .selectAll('c')
    .select(['last.author as last_author', 'last.created_at as last_at'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('messages as a')
            .select(sql`1`.as('one'))
            .whereRef('a.conversation_id', '=', 'c.id')
            .where('a.author', '=', 'ai')
            .where('a.kind', '<>', 'note'),
        )
        .as('ai_answered'),
    )
    .select(exactTime(sql`c.last_message_at`).as('page_at'))
    .where('c.workspace_id', '=', workspaceId)
    .where('c.state', '=', 'ai')
    .where('c.last_message_at', '<=', page.quietSince);
  if (after !== null)
    query = query.where(
      sql<boolean>`(c.last_message_at, c.id) > (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  const rows = await query.orderBy('c.last_message_at').orderBy('c.id').limit(limit).execute();
  const last = rows[rows.length - 1];
  return {
    conversations: rows.map((row) => ({
      conversation: toConversation(row),
      lastAuthor: oneOf(messageAuthors, row.last_author, 'message author'),
      lastMessageAt: row.last_at,
      aiAnswered: row.ai_answered === true,
    })),
    next: rows.length === limit && last !== undefined ? cursorOf([last.page_at, last.id]) : null,
  };
};
