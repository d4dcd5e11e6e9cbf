/** Canned replies in PostgreSQL (migration 0051). */
import type { ColumnType, Selectable } from 'kysely';
import { DomainError } from '../../core/errors.ts';
import type { CannedReply, CannedReplyRepository } from '../../core/ports/store.ts';
import type { Db } from './database.ts';
import { isUniqueViolation } from './database-errors.ts';
import { isUuid } from './row-values.ts';

type Timestamp = ColumnType<Date, Date | undefined, Date>;

export interface CannedReplyTable {
  id: ColumnType<string, string | undefined, never>;
  workspace_id: string;
  team_key: string;
  title: string;
  body: string;
  author_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

type Tables = { canned_replies: CannedReplyTable };

const toReply = (row: Selectable<CannedReplyTable>): CannedReply => ({
  id: row.id,
  workspaceId: row.workspace_id,
  teamKey: row.team_key,
  title: row.title,
  body: row.body,
  authorId: row.author_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const titleTaken = (title: string, teamKey: string) =>
  new DomainError(
    'conflict',
    `The team ${teamKey} already has a reply called "${title}": choose another title.`,
  );

/** Runs a write, turning the unique title constraint into a `conflict` that says what to do. */
const uniqueTitle = async <T>(title: string, teamKey: string, write: () => Promise<T>): Promise<T> => {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw titleTaken(title, teamKey);
    throw error;
  }
};

export const cannedReplyRepository = (db: Db): CannedReplyRepository => {
  const tables = db.withTables<Tables>();
  return {
    async list(workspaceId, teamKeys) {
      if (teamKeys?.length === 0) return [];
      let query = tables.selectFrom('canned_replies').selectAll().where('workspace_id', '=', workspaceId);
      if (teamKeys !== undefined) query = query.where('team_key', 'in', teamKeys);
      const rows = await query.orderBy('title').orderBy('team_key').execute();
      return rows.map(toReply);
    },

    async getById(workspaceId, id) {
      if (!isUuid(id)) return null;
      const row = await tables
        .selectFrom('canned_replies')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? null : toReply(row);
    },

    create: (input) =>
      uniqueTitle(input.title, input.teamKey, async () =>
        toReply(
          await tables
            .insertInto('canned_replies')
            .values({
              workspace_id: input.workspaceId,
              team_key: input.teamKey,
              title: input.title,
              body: input.body,
              author_id: input.authorId,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        ),
      ),

    update: (workspaceId, id, change) =>
      uniqueTitle(change.title, change.teamKey, async () => {
        if (!isUuid(id)) return null;
        const row = await tables
          .updateTable('canned_replies')
          .set({
            team_key: change.teamKey,
            title: change.title,
            body: change.body,
            author_id: change.authorId,
            updated_at: new Date(),
          })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        return row === undefined ? null : toReply(row);
      }),

    async delete(workspaceId, id) {
      if (!isUuid(id)) return false;
      const result = await tables
        .deleteFrom('canned_replies')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
};
