import { sql } from 'kysely';
import { DomainError } from '../../core/errors.ts';
import type { CustomerRepository } from '../../core/ports/store.ts';
import type { Db } from './database.ts';
import { isUniqueViolation } from './database-errors.ts';
import { toCustomer } from './mappers.ts';
import { readByIds } from './read-by-ids.ts';
import { isUuid } from './row-values.ts';

export const customerRepository = (db: Db): CustomerRepository => ({
  async create({ workspaceId, externalId, name, email, profile }) {
    try {
      const row = await db
        .insertInto('customers')
        .values({
          workspace_id: workspaceId,
          external_id: externalId ?? null,
          name: name ?? null,
          email: email ?? null,
          profile: JSON.stringify(profile ?? {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCustomer(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('conflict', `A customer with external id ${externalId ?? ''} already exists.`);
      }
      throw error;
    }
  },

  async getById(id) {
    if (!isUuid(id)) return null;
    const row = await db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toCustomer(row);
  },

  async getByIds(ids) {
    const rows = await readByIds(ids, (slice) =>
      db.selectFrom('customers').selectAll().where(sql<boolean>`id = ANY(${slice}::uuid[])`).execute(),
    );
    return new Map(rows.map((row) => [row.id, toCustomer(row)]));
  },

  async getByExternalId(workspaceId, externalId) {
    const row = await db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    return row === undefined ? null : toCustomer(row);
  },
});
