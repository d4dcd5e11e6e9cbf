import { describe } from 'vitest';
import { runStoreContract } from './store.contract.ts';
import { openTestStore, testDatabaseUrl } from './testing.ts';

const serverConfigured = testDatabaseUrl() !== undefined;
if (!serverConfigured) {
  console.warn(
    'Skipping the PostgreSQL store contract: BATON_TEST_DATABASE_URL is not set. ' +
      'Run `bash scripts/with-postgres.sh npx vitest run src/adapters/store` to include it.',
  );
}

describe.skipIf(!serverConfigured)('PostgreSQL server', () => {
  runStoreContract('PostgreSQL (server)', () => openTestStore('postgres'));
});
