/** One-time links for people (invitations, password resets), stored as the hash of their token. */
import type { ExpressionBuilder, Selectable } from 'kysely';
import { agentRoles } from '../../core/model.ts';
import type { PeopleLink, PeopleLinkRepository } from '../../core/ports/store.ts';
import type { Database, Db, PeopleLinkTable } from './database.ts';
import { oneOf } from './row-values.ts';

const linkKinds = ['invitation', 'password_reset'] as const;

const toPeopleLink = (row: Selectable<PeopleLinkTable>): PeopleLink => ({
  tokenHash: row.token_hash,
  workspaceId: row.workspace_id,
  kind: oneOf(linkKinds, row.kind, 'people link kind'),
  email: row.email,
  name: row.name,
  role: oneOf(agentRoles, row.role, 'agent role'),
  teamKeys: row.team_keys,
  capacity: row.capacity,
  agentId: row.agent_id,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
});

export const peopleLinkRepository = (db: Db): PeopleLinkRepository => ({
  async create(link) {
    const row = await db
      .insertInto('people_links')
      .values({
        token_hash: link.tokenHash,
        workspace_id: link.workspaceId,
        kind: link.kind,
        email: link.email.trim(),
        name: link.name,
        role: link.role,
        team_keys: link.teamKeys,
        capacity: link.capacity,
        agent_id: link.agentId,
        created_by: link.createdBy,
        expires_at: link.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPeopleLink(row);
  },

  async get(tokenHash) {
    const row = await db
      .selectFrom('people_links')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row === undefined ? null : toPeopleLink(row);
  },

  async use(tokenHash, at) {
    // Compare-and-set: of two clicks on the same link, one wins.
    const row = await db
      .updateTable('people_links')
      .set({ used_at: at })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? null : toPeopleLink(row);
  },

  async pendingInvitations(workspaceId, now) {
    const rows = await db
      .selectFrom('people_links')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', 'invitation')
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map(toPeopleLink);
  },

  async pruneSpent(workspaceId, before, limit) {
    const spent = (eb: ExpressionBuilder<Database, 'people_links'>) =>
      eb.or([eb('used_at', '<', before), eb.and([eb('used_at', 'is', null), eb('expires_at', '<', before)])]);
    const deleted = await db
      .deleteFrom('people_links')
      .where('token_hash', 'in', (eb) =>
        eb
          .selectFrom('people_links')
          .select('token_hash')
          .where('workspace_id', '=', workspaceId)
          .where(spent)
          .limit(limit),
      )
      // Stated again: a link used since it was picked is judged by its use.
      .where(spent)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows);
  },
});
