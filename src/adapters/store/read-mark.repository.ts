/** What each person has read of each conversation, in PostgreSQL (migration 0056). */
import { sql } from 'kysely';
import type { ReadMarkRepository } from '../../core/ports/store.ts';
import type { Db } from './database.ts';
import { isUuid } from './row-values.ts';

export const readMarkRepository = (db: Db): ReadMarkRepository => ({
  async markRead(agentId, conversationId) {
    if (!isUuid(agentId) || !isUuid(conversationId)) return;
    // GREATEST: a slow request that read less must not undo a newer mark.
    await sql`
      INSERT INTO conversation_reads (agent_id, conversation_id, read_seq, read_at)
      SELECT ${agentId}::uuid, c.id, COALESCE((SELECT max(m.seq) FROM messages m WHERE m.conversation_id = c.id), 0), now()
      FROM conversations c WHERE c.id = ${conversationId}::uuid
      ON CONFLICT (agent_id, conversation_id) DO UPDATE
        SET read_seq = GREATEST(conversation_reads.read_seq, excluded.read_seq), read_at = excluded.read_at
    `.execute(db);
  },

  async unreadAmong(agentId, conversationIds) {
    const ids = conversationIds.filter(isUuid);
    if (!isUuid(agentId) || ids.length === 0) return new Set();
    const { rows } = await sql<{ id: string }>`
      SELECT c.id FROM conversations c
      LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.agent_id = ${agentId}::uuid
      WHERE c.id IN (${sql.join(ids.map((id) => sql`${id}::uuid`))})
        AND EXISTS (
          SELECT 1 FROM messages m
          WHERE m.conversation_id = c.id AND m.seq > COALESCE(r.read_seq, 0)
            AND (m.author = 'customer'
              OR (m.author = 'agent' AND m.kind IN ('message', 'note') AND m.author_id IS DISTINCT FROM ${agentId}::text))
        )
    `.execute(db);
    return new Set(rows.map((row) => row.id));
  },
});
