/**
 * The configuration and database `baton start` uses, for commands that work on the store directly
 * (import, metrics, setup): the server at DATABASE_URL, or the embedded one in the data folder.
 * Loaded on demand, so commands that need no database start without it.
 */
import { resolve } from 'node:path';
import type { Store } from '../core/ports/store.ts';
import type { BatonConfig } from '../server/config.ts';

/** The settings from the environment and `.env`, as the server reads them. */
export const loadCliConfig = async (): Promise<BatonConfig> => {
  const [{ config: loadDotenv }, { loadConfig }] = await Promise.all([
    import('dotenv'),
    import('../server/config.ts'),
  ]);
  loadDotenv({ quiet: true });
  return loadConfig();
};

/** Opens the same database `baton start` opens (the embedded one refuses while a server holds it). */
export const openConfiguredStore = async (config: BatonConfig): Promise<Store> => {
  const { openStore } = await import('../adapters/store/open-store.ts');
  return openStore(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl, preparedStatements: config.preparedStatements }
      : { dataDir: resolve(config.dataDir, 'pglite') },
  );
};
