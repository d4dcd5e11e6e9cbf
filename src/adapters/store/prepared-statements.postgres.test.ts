/**
 * The large statements are named once per connection, so PostgreSQL's plan cache can keep their
 * plans; short ones, unparameterised ones and multi-statement texts stay unnamed, and the
 * connection's plan cache mode stays PostgreSQL's own. Needs a PostgreSQL server.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareLargeStatements } from './prepared-statements.ts';
import { createTestDatabase, type TestDatabase, testDatabaseUrl } from './testing.ts';

const serverConfigured = testDatabaseUrl() !== undefined;
let database: TestDatabase;

beforeAll(async () => {
  if (serverConfigured) database = await createTestDatabase();
}, 60_000);
afterAll(async () => database?.drop());

/** A parameterised statement long enough to be named: the same shape as the message path's CTEs. */
const longStatement = `WITH added AS (INSERT INTO counted SELECT generate_series(1, $1::int) RETURNING n)${' '.repeat(600)}
  SELECT count(*)::int AS count FROM added WHERE n > $2::int`;
/** As long, but only reading (a report): planned for its own values each time. */
const longRead = `SELECT count(*)::int AS count FROM counted WHERE n > $1::int${' '.repeat(600)}`;

describe.runIf(serverConfigured)('prepared large statements', () => {
  it('names a long parameterised statement once per connection, leaving how to plan it to PostgreSQL', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    // Dropping the database may end a connection the pool is still closing (see metrics-testing.ts).
    pool.on('error', () => {});
    prepareLargeStatements(pool);
    try {
      const client = await pool.connect();
      try {
        await client.query('CREATE TEMP TABLE counted (n int)');
        const counts: unknown[] = [];
        for (let round = 1; round <= 7; round += 1)
          counts.push((await client.query(longStatement, [1, 0])).rows[0]?.count);
        expect(counts).toEqual([1, 1, 1, 1, 1, 1, 1]);
        await client.query('SELECT $1::int AS short', [1]);
        expect((await client.query(longRead, [0])).rows[0]?.count).toBe(7);
        const prepared = await client.query(
          'SELECT name, generic_plans, custom_plans FROM pg_prepared_statements ORDER BY name',
        );
        expect(prepared.rows).toHaveLength(1);
        expect(prepared.rows[0]?.name).toMatch(/^baton_/);
        // One statement, run seven times on its one name (planned for its values or generically).
        expect(Number(prepared.rows[0]?.generic_plans) + Number(prepared.rows[0]?.custom_plans)).toBe(7);
        // Other statements on the connection are still planned for their own values: a forced
        // generic plan is a setting of the whole connection.
        expect((await client.query('SHOW plan_cache_mode')).rows[0]?.plan_cache_mode).toBe('auto');
        // A multi-statement text without parameters (a migration) is sent as it is.
        await client.query(`CREATE TEMP TABLE t (n int);${' '.repeat(700)}INSERT INTO t VALUES (1);`);
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });

  it('prepares a statement again when a migration changed the rows it returns', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    // Dropping the database may end a connection the pool is still closing (see metrics-testing.ts).
    pool.on('error', () => {});
    prepareLargeStatements(pool);
    const read = `UPDATE widened SET name = name WHERE id = $1::int RETURNING *${' '.repeat(600)}`;
    const client = await pool.connect();
    try {
      await client.query('CREATE TABLE widened (id int PRIMARY KEY, name text)');
      await client.query('INSERT INTO widened VALUES (1, $1)', ['one']);
      expect((await client.query(read, [1])).rows).toEqual([{ id: 1, name: 'one' }]);
      // Another process's upgrade adds a column: the prepared plan's row shape is outdated.
      await client.query("ALTER TABLE widened ADD COLUMN note text NOT NULL DEFAULT 'new'");
      expect((await client.query(read, [1])).rows).toEqual([{ id: 1, name: 'one', note: 'new' }]);
      expect((await client.query(read, [1])).rows).toHaveLength(1);
      const prepared = await client.query('SELECT count(*)::int AS count FROM pg_prepared_statements');
      expect(prepared.rows[0]?.count).toBe(2);
    } finally {
      client.release();
      await pool.end();
    }
  });
});
