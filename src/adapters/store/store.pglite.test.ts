import { runStoreContract } from './store.contract.ts';
import { openTestStore } from './testing.ts';

runStoreContract('PGlite (embedded, in memory)', () => openTestStore('pglite'));
