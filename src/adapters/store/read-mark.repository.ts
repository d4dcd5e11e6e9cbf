/** What each person has read of each conversation, in PostgreSQL (migration 0056). */
import { sql } from 'kysely';
import type { ReadMarkRepository } from '../../core/ports/store.ts';
import { unreadCondition } from './conversation-filters.ts';
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
      SELECT conversations.id FROM conversations
      WHERE conversations.id = ANY(${ids}::uuid[]) AND ${unreadCondition(agentId)}
    `.execute(db);
    return new Set(rows.map((row) => row.id));
  },
});
