/**
 * How long migration 0076 (the resolved conversations' list order) holds the conversations table on
 * an upgrade: N conversations generated as bench/inbox/run.ts does, the migration's column and index
 * taken away again, then the migration run and timed, beside a same-run `COUNT(*)` of the table.
 *
 *   bash scripts/with-postgres.sh npx tsx bench/inbox/migration-time.ts --conversations 1000000 --json
 */
import { Kysely, PostgresDialect } from 'kysely';
import { up } from '../../src/adapters/store/migrations/0076-resolved-list-order.ts';
import { medianMs, volumeOptions, withVolumeDatabase } from '../support/volume-database.ts';
import { loadDeskYear } from './desk-year.ts';

const options = volumeOptions(200_000);

await withVolumeDatabase(async ({ pool, workspace }) => {
  await loadDeskYear(pool, workspace.id, options.conversations);
  await pool.query('ALTER TABLE conversations DROP COLUMN resolved_activity_at');
  const countAllMs = await medianMs(options.runs, () => pool.query('SELECT count(*) FROM conversations'));
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  const migrationMs = await medianMs(1, () => up(db));
  const result = {
    conversations: options.conversations,
    migrationMs,
    countAllMs,
    migrationToCount: Math.round((migrationMs / countAllMs) * 10) / 10,
  };
  process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
});
