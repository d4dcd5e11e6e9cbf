import type { SessionRepository } from '../../core/ports/store.ts';
import type { Db } from './database.ts';
import { toSession } from './mappers.ts';

export const sessionRepository = (db: Db): SessionRepository => ({
  async create(session) {
    await db
      .insertInto('agent_sessions')
      .values({
        token_hash: session.tokenHash,
        agent_id: session.agentId,
        created_at: session.createdAt,
        expires_at: session.expiresAt,
      })
      .execute();
  },

  async get(tokenHash) {
    const row = await db
      .selectFrom('agent_sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row === undefined ? null : toSession(row);
  },

  async listByAgent(agentId, now) {
    const rows = await db
      .selectFrom('agent_sessions')
      .selectAll()
      .where('agent_id', '=', agentId)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toSession);
  },

  async delete(tokenHash) {
    await db.deleteFrom('agent_sessions').where('token_hash', '=', tokenHash).execute();
  },

  async deleteExpired(now) {
    const result = await db.deleteFrom('agent_sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
});
