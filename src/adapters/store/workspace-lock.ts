/**
 * Serialises the writers of a workspace's numbered documents (policy versions, settings): each
 * reads the highest version and inserts the next one, so two at once must take turns — the second
 * then gets n+1 instead of failing on the primary key.
 */
import { type QueryExecutorProvider, sql } from 'kysely';
import { DomainError } from '../../core/errors.ts';

/** Locks the workspace's row until the transaction ends; a missing workspace is `not_found`. */
export const lockWorkspaceRow = async (trx: QueryExecutorProvider, workspaceId: string): Promise<void> => {
  const locked = await sql<{
    id: string;
  }>`select id from workspaces where id = ${workspaceId} for update`.execute(trx);
  if (locked.rows.length === 0) throw new DomainError('not_found', `No workspace with id ${workspaceId}.`);
};

/** Refuses a compare-and-set write whose expected version is no longer the latest (checked under the lock). */
export const expectLatest = (what: string, latest: number, ifCurrent: number | undefined): void => {
  if (ifCurrent !== undefined && ifCurrent !== latest)
    throw new DomainError(
      'conflict',
      `The ${what} changed meanwhile (now version ${latest}, expected ${ifCurrent}); reload and try again.`,
    );
};
