import { DomainError } from '../../core/errors.ts';
import type { WorkspaceRepository } from '../../core/ports/store.ts';
import type { Db } from './database.ts';
import { isUniqueViolation } from './database-errors.ts';
import { toWorkspace } from './mappers.ts';

export const workspaceRepository = (db: Db): WorkspaceRepository => ({
  async create({ slug, name, demo }) {
    try {
      const row = await db
        .insertInto('workspaces')
        .values({ slug, name, is_demo: demo ?? false })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toWorkspace(row);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError('conflict', `A workspace "${slug}" already exists.`);
      throw error;
    }
  },

  async getBySlug(slug) {
    const row = await db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row === undefined ? null : toWorkspace(row);
  },

  async list() {
    // Creation order; seq breaks ties within the clock's resolution (never the random id).
    const rows = await db.selectFrom('workspaces').selectAll().orderBy('created_at').orderBy('seq').execute();
    return rows.map(toWorkspace);
  },
});
