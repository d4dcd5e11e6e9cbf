/** Versioned workspace settings: each save is the key's next version; the highest version is current. */
import type { ColumnType, Selectable } from 'kysely';
import { DomainError } from '../../core/errors.ts';
import type { WorkspaceSettingRepository, WorkspaceSettingVersion } from '../../core/ports/store.ts';
import { atomically } from './atomically.ts';
import type { Db } from './database.ts';
import { expectLatest, lockWorkspaceRow } from './workspace-lock.ts';

/** The `workspace_settings` table of migration 0002; value is written as JSON text and read back parsed. */
export interface WorkspaceSettingTable {
  workspace_id: string;
  key: string;
  version: number;
  value: ColumnType<unknown, string, string>;
  author: string;
  note: string | null;
  created_at: ColumnType<Date, Date | undefined, Date>;
}

const toSettingVersion = (row: Selectable<WorkspaceSettingTable>): WorkspaceSettingVersion => ({
  workspaceId: row.workspace_id,
  key: row.key,
  version: row.version,
  value: row.value,
  author: row.author,
  note: row.note,
  createdAt: row.created_at,
});

export const workspaceSettingRepository = (base: Db): WorkspaceSettingRepository => {
  const db = base.withTables<{ workspace_settings: WorkspaceSettingTable }>();
  return {
    publish: ({ workspaceId, key, value, author, note, at, ifCurrent }) =>
      atomically(db, async (trx) => {
        const json = JSON.stringify(value);
        if (json === undefined) throw new DomainError('invalid_input', 'A setting must be a JSON value.');
        if (key === '') throw new DomainError('invalid_input', 'A setting needs a key.');
        await lockWorkspaceRow(trx, workspaceId);
        const latest = await trx
          .selectFrom('workspace_settings')
          .select((eb) => eb.fn.max('version').as('version'))
          .where('workspace_id', '=', workspaceId)
          .where('key', '=', key)
          .executeTakeFirst();
        expectLatest(`setting ${key}`, latest?.version ?? 0, ifCurrent);
        const row = await trx
          .insertInto('workspace_settings')
          .values({
            workspace_id: workspaceId,
            key,
            version: (latest?.version ?? 0) + 1,
            value: json,
            author,
            note: note ?? null,
            created_at: at,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toSettingVersion(row);
      }),

    async current(workspaceId, key) {
      const row = await db
        .selectFrom('workspace_settings')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('key', '=', key)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? null : toSettingVersion(row);
    },

    async list(workspaceId, key) {
      const rows = await db
        .selectFrom('workspace_settings')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('key', '=', key)
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toSettingVersion);
    },
  };
};
