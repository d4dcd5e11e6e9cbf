import { describe } from 'vitest';
import { testDatabaseUrl } from '../testing.ts';
import { runMetricsContract } from './metrics.contract.ts';
import { openMetricsTestDatabase } from './metrics-testing.ts';

const serverConfigured = testDatabaseUrl() !== undefined;
if (!serverConfigured) {
  console.warn(
    'Skipping the PostgreSQL metrics contract: BATON_TEST_DATABASE_URL is not set. ' +
      'Run `bash scripts/with-postgres.sh npx vitest run src/adapters/store/metrics` to include it.',
  );
}

describe.skipIf(!serverConfigured)('PostgreSQL server', () => {
  runMetricsContract('PostgreSQL (server)', () => openMetricsTestDatabase('postgres'));
});
