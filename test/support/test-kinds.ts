/**
 * Starts a test Baton on each database this run can reach: embedded PGlite always, and a fresh
 * database on the PostgreSQL server when BATON_TEST_DATABASE_URL names one (scripts/with-postgres.sh).
 */
import {
  availableTestStoreKinds,
  createTestDatabase,
  type TestStoreKind,
} from '../../src/adapters/store/testing.ts';
import { startTestBaton, type TestBaton } from './test-baton.ts';

export const testKinds = (): TestStoreKind[] => availableTestStoreKinds();

export const startTestBatonOn = async (kind: TestStoreKind): Promise<TestBaton> => {
  if (kind === 'pglite') return startTestBaton();
  const database = await createTestDatabase();
  const baton = await startTestBaton({ databaseUrl: database.url });
  return {
    ...baton,
    async close() {
      await baton.close();
      await database.drop();
    },
  };
};
