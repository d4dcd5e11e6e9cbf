/**
 * Published policy versions: the store numbers them 1, 2, 3 … per workspace (the primary key is
 * workspace and version), and a rollback's version records which one it restores (migration 0071).
 */
import type { Selectable } from 'kysely';
import { DomainError } from '../../core/errors.ts';
import type { PolicyRepository, PolicyVersion } from '../../core/ports/store.ts';
import { atomically } from './atomically.ts';
import type { Db, PolicyVersionTable } from './database.ts';
import { toPolicyVersion } from './mappers.ts';
import { expectLatest, lockWorkspaceRow } from './workspace-lock.ts';

/** Versions are PostgreSQL `integer`s. */
const MAX_VERSION = 2_147_483_647;

interface RestoredFromColumn {
  restored_from: number | null;
}

const toVersion = (row: Selectable<PolicyVersionTable & RestoredFromColumn>): PolicyVersion => ({
  ...toPolicyVersion(row),
  restoredFrom: row.restored_from,
});

export const policyRepository = (base: Db): PolicyRepository => {
  const db = base.withTables<{ policy_versions: RestoredFromColumn }>();
  return {
    publish: ({ workspaceId, document, author, note, at, restoredFrom, ifCurrent }) =>
      atomically(db, async (trx) => {
        const json = JSON.stringify(document);
        if (json === undefined)
          throw new DomainError('policy_invalid', 'A policy document must be a JSON value.');
        await lockWorkspaceRow(trx, workspaceId);
        const latest = await trx
          .selectFrom('policy_versions')
          .select((eb) => eb.fn.max('version').as('version'))
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirst();
        expectLatest('policy', latest?.version ?? 0, ifCurrent);
        const row = await trx
          .insertInto('policy_versions')
          .values({
            workspace_id: workspaceId,
            version: (latest?.version ?? 0) + 1,
            document: json,
            author,
            note: note ?? null,
            created_at: at,
            restored_from: restoredFrom ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toVersion(row);
      }),

    async current(workspaceId) {
      const row = await db
        .selectFrom('policy_versions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? null : toVersion(row);
    },

    async get(workspaceId, version) {
      if (!Number.isInteger(version) || version < 1 || version > MAX_VERSION) return null;
      const row = await db
        .selectFrom('policy_versions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('version', '=', version)
        .executeTakeFirst();
      return row === undefined ? null : toVersion(row);
    },

    async list(workspaceId) {
      const rows = await db
        .selectFrom('policy_versions')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toVersion);
    },
  };
};
