/**
 * Agents' confirmed categories read as an aggregate: the latest `category_confirmed` event per
 * conversation, not every event since the beginning (migration 0070's partial index serves it).
 */
import { sql } from 'kysely';
import type { CategoryHistoryRepository, ConfirmedCategory } from '../../core/ports/store.ts';
import type { Db } from './database.ts';
import { isUuid } from './row-values.ts';

interface ConfirmedRow {
  readonly conversation_id: string;
  readonly category: string;
  readonly text: string;
}

const toConfirmed = (row: ConfirmedRow): ConfirmedCategory => ({
  conversationId: row.conversation_id,
  category: row.category,
  text: row.text,
});

/** Confirmations that can teach the model: a category name and some customer text. */
const usable = sql`type = 'category_confirmed'
  AND jsonb_typeof(data->'category') = 'string'
  AND jsonb_typeof(data->'text') = 'string'
  AND btrim(data->>'text') <> ''`;

export const categoryHistoryRepository = (db: Db): CategoryHistoryRepository => ({
  async latest(workspaceId) {
    if (!isUuid(workspaceId)) return [];
    const { rows } = await sql<ConfirmedRow>`
      SELECT conversation_id, category, text FROM (
        SELECT DISTINCT ON (conversation_id)
          conversation_id, seq, data->>'category' AS category, data->>'text' AS text
        FROM conversation_events
        WHERE workspace_id = ${workspaceId} AND ${usable}
        ORDER BY conversation_id, seq DESC
      ) latest
      ORDER BY seq`.execute(db);
    return rows.map(toConfirmed);
  },

  async latestOf(conversationId) {
    if (!isUuid(conversationId)) return null;
    const { rows } = await sql<ConfirmedRow>`
      SELECT conversation_id, data->>'category' AS category, data->>'text' AS text
      FROM conversation_events
      WHERE conversation_id = ${conversationId} AND ${usable}
      ORDER BY seq DESC
      LIMIT 1`.execute(db);
    const row = rows[0];
    return row === undefined ? null : toConfirmed(row);
  },
});
