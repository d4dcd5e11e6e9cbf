import { afterAll } from 'vitest';
import { runLiveBusContract } from '../../app/live-bus.contract.ts';
import { createTestDatabase, type TestDatabase } from '../store/testing.ts';
import { createPostgresLiveBus } from './postgres-live-bus.ts';

const serverUrl = process.env.BATON_TEST_DATABASE_URL;
if (!serverUrl)
  console.warn('BATON_TEST_DATABASE_URL is unset: PostgreSQL live bus tests skipped (npm test sets it).');

let database: TestDatabase | null = null;
afterAll(async () => database?.drop());

runLiveBusContract(
  'PostgreSQL NOTIFY',
  {
    shared: true,
    async open() {
      database ??= await createTestDatabase();
      return createPostgresLiveBus(database.url, () => {});
    },
  },
  Boolean(serverUrl),
);
