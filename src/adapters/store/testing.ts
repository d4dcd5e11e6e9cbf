/**
 * Stores for tests. `pglite` is an in-memory embedded database (about 6 s to boot: open one per test
 * file). `postgres` is a fresh database on the server named by BATON_TEST_DATABASE_URL, dropped again
 * by `close()`; `bash scripts/with-postgres.sh <command>` provides such a server.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../../core/ports/store.ts';
import { openStore } from './open-store.ts';

export type TestStoreKind = 'pglite' | 'postgres';

/** The PostgreSQL server for tests, or undefined when none is configured. */
export const testDatabaseUrl = (): string | undefined => {
  const url = process.env.BATON_TEST_DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
};

/** The kinds of store this test run can open: PGlite always, PostgreSQL when a server is configured. */
export const availableTestStoreKinds = (): TestStoreKind[] =>
  testDatabaseUrl() === undefined ? ['pglite'] : ['pglite', 'postgres'];

const serverUrl = (): string => {
  const url = testDatabaseUrl();
  if (url === undefined) {
    throw new Error(
      'BATON_TEST_DATABASE_URL is not set. Run the tests through `bash scripts/with-postgres.sh npx vitest run …` ' +
        'or point the variable at a PostgreSQL server (postgres://user:password@host:port/postgres).',
    );
  }
  return url;
};

const onServer = async (statement: string): Promise<void> => {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

export interface TestDatabase {
  readonly url: string;
  readonly name: string;
  /** Drops the database, disconnecting anyone still connected. */
  drop(): Promise<void>;
}

/** Creates an empty database with a random name on the test server. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  // Only [a-z0-9_] in the name, so it is safe to splice into CREATE/DROP DATABASE.
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
};

/** Opens a migrated, empty store of the given kind; `close()` also deletes it. */
export const openTestStore = async (kind: TestStoreKind): Promise<Store> => {
  if (kind === 'pglite') return openStore({ memory: true });
  const database = await createTestDatabase();
  let store: Store;
  try {
    store = await openStore({ databaseUrl: database.url, poolSize: 5 });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    ...store,
    async close() {
      await store.close();
      await database.drop();
    },
  };
};
