import { sql } from 'kysely';
import { DomainError } from '../../core/errors.ts';
import type { AgentRepository } from '../../core/ports/store.ts';
import type { Db } from './database.ts';
import { isUniqueViolation } from './database-errors.ts';
import { toAgent } from './mappers.ts';
import { isUuid } from './row-values.ts';

export const agentRepository = (db: Db): AgentRepository => ({
  async create({ workspaceId, email, name, role, passwordHash, teamKeys, capacity, demo }) {
    try {
      const row = await db
        .insertInto('agents')
        .values({
          workspace_id: workspaceId,
          email: email.trim(),
          name,
          role,
          password_hash: passwordHash,
          team_keys: teamKeys,
          is_demo: demo ?? false,
          ...(capacity === undefined ? {} : { capacity }),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAgent(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'conflict',
          `An agent with the email ${email} already exists in this workspace.`,
        );
      }
      throw error;
    }
  },

  async getById(id) {
    if (!isUuid(id)) return null;
    const row = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toAgent(row);
  },

  async getByEmail(workspaceId, email) {
    const row = await db
      .selectFrom('agents')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row === undefined ? null : toAgent(row);
  },

  async list(workspaceId) {
    const rows = await db
      .selectFrom('agents')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      // API keys' accounts act for the key (migration 0015); they are not people on the desk.
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM api_keys WHERE api_keys.agent_id = agents.id)`)
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(toAgent);
  },

  async setStatus(id, status) {
    const row = isUuid(id)
      ? await db.updateTable('agents').set({ status }).where('id', '=', id).returningAll().executeTakeFirst()
      : undefined;
    if (row === undefined) throw new DomainError('not_found', `No agent with id ${id}.`);
    return toAgent(row);
  },

  async markAssigned(id, at) {
    const result = isUuid(id)
      ? await db.updateTable('agents').set({ last_assigned_at: at }).where('id', '=', id).executeTakeFirst()
      : undefined;
    if (result === undefined || result.numUpdatedRows === 0n) {
      throw new DomainError('not_found', `No agent with id ${id}.`);
    }
  },

  async update(id, change) {
    if (!isUuid(id)) return null;
    const set = {
      ...(change.role === undefined ? {} : { role: change.role }),
      ...(change.teamKeys === undefined ? {} : { team_keys: change.teamKeys }),
      ...(change.capacity === undefined ? {} : { capacity: change.capacity }),
    };
    if (Object.keys(set).length === 0) return this.getById(id);
    const row = await db
      .updateTable('agents')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? null : toAgent(row);
  },

  async deactivate(id, at) {
    if (!isUuid(id)) return null;
    // One statement: no request can slip in between the account closing and its sessions ending.
    const row = await db
      .with('ended', (q) => q.deleteFrom('agent_sessions').where('agent_id', '=', id))
      .updateTable('agents')
      .set({ deactivated_at: sql<Date>`coalesce(deactivated_at, ${at})`, status: 'away' })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? null : toAgent(row);
  },

  async setPasswordHash(id, passwordHash, keepSession) {
    if (!isUuid(id)) return;
    await db
      .with('ended', (q) =>
        q
          .deleteFrom('agent_sessions')
          .where('agent_id', '=', id)
          .$if(keepSession !== null, (d) => d.where('token_hash', '<>', keepSession ?? '')),
      )
      .updateTable('agents')
      .set({ password_hash: passwordHash })
      .where('id', '=', id)
      .execute();
  },
});
