import { runMetricsContract } from './metrics.contract.ts';
import { openMetricsTestDatabase } from './metrics-testing.ts';

runMetricsContract('PGlite (embedded, in memory)', () => openMetricsTestDatabase('pglite'));
