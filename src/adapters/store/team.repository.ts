import type { TeamRepository } from '../../core/ports/store.ts';
import type { Db } from './database.ts';
import { toTeam } from './mappers.ts';

export const teamRepository = (db: Db): TeamRepository => ({
  async upsert({ workspaceId, key, name, categories, businessHours }) {
    const hours =
      businessHours === undefined || businessHours === null ? null : JSON.stringify(businessHours);
    const row = await db
      .insertInto('teams')
      .values({ workspace_id: workspaceId, key, name, categories, business_hours: hours })
      .onConflict((conflict) =>
        conflict
          .columns(['workspace_id', 'key'])
          .doUpdateSet(
            businessHours === undefined ? { name, categories } : { name, categories, business_hours: hours },
          ),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTeam(row);
  },

  async list(workspaceId) {
    const rows = await db
      .selectFrom('teams')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('key')
      .execute();
    return rows.map(toTeam);
  },

  async delete(workspaceId, key) {
    const deleted = await db
      .deleteFrom('teams')
      .where('workspace_id', '=', workspaceId)
      .where('key', '=', key)
      .executeTakeFirst();
    return deleted.numDeletedRows > 0n;
  },
});
