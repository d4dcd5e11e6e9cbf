/** A policy version published by a rollback records which earlier version it restores (the audit trail). */
import { type QueryExecutorProvider, sql } from 'kysely';

export const name = '0071-policy-restored-from';

export const up = async (db: QueryExecutorProvider): Promise<void> => {
  await sql`ALTER TABLE policy_versions ADD COLUMN restored_from integer CHECK (restored_from > 0)`.execute(
    db,
  );
};
