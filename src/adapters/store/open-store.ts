/**
 * Opens Baton's store: a PostgreSQL server when a URL is given, otherwise embedded PostgreSQL
 * (PGlite) in a data folder or in memory. Both run the same Kysely code through node-postgres:
 * PGlite ships a node-postgres connection shim, used here behind a one-connection pool.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Store } from '../../core/ports/store.ts';
import { agentRepository } from './agent.repository.ts';
import { aiTurnJobs } from './ai-turn-jobs.repository.ts';
import { apiKeyRepository } from './api-key.repository.ts';
import { articleRepository } from './article.repository.ts';
import { atomically } from './atomically.ts';
import { cannedReplyRepository } from './canned-reply.repository.ts';
import { categoryHistoryRepository } from './category-history.repository.ts';
import { type ClosableChangeFeed, embeddedChangeFeed, serverChangeFeed } from './change-feed.ts';
import { conversationRepository } from './conversation.repository.ts';
import { customerRepository } from './customer.repository.ts';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database, Db } from './database.ts';
import { eventRepository } from './event.repository.ts';
import { messageRepository } from './message.repository.ts';
import { metricsRepository } from './metrics/metrics.repository.ts';
import { migrateToLatest } from './migrate.ts';
import { peopleLinkRepository } from './people-link.repository.ts';
import { policyRepository } from './policy.repository.ts';
import { prepareLargeStatements } from './prepared-statements.ts';
import { rateLimitRepository } from './rate-limit.repository.ts';
import { readMarkRepository } from './read-mark.repository.ts';
import { reviewRepository } from './review.repository.ts';
import { sessionRepository } from './session.repository.ts';
import { tagRepository } from './tag.repository.ts';
import { teamRepository } from './team.repository.ts';
import { teamQueueRepository } from './team-queue.repository.ts';
import { webhookRepository } from './webhook.repository.ts';
import { workspaceRepository } from './workspace.repository.ts';
import { workspaceSettingRepository } from './workspace-setting.repository.ts';

export interface StoreOptions {
  /** A PostgreSQL server (`postgres://user:password@host:port/database`); wins over the other options. */
  readonly databaseUrl?: string;
  /** The embedded database's folder, created if missing; one process at a time (a `<folder>.lock` file beside it). */
  readonly dataDir?: string;
  /** An embedded database that lives only as long as the process (tests, demos). */
  readonly memory?: boolean;
  /** Connections to a PostgreSQL server (default 10); the embedded database always has one. */
  readonly poolSize?: number;
  /** Called with every statement sent through the driver (benchmarks count round trips with it). */
  readonly onStatement?: (text: string) => void;
  /** Reuse the plans of the large statements on a server (default true; see prepared-statements.ts). */
  readonly preparedStatements?: boolean;
}

/** Counts statements at the driver: every query a pooled client sends, BEGIN and COMMIT included. */
const countStatements = (pool: pg.Pool, onStatement: ((text: string) => void) | undefined): void => {
  if (onStatement === undefined) return;
  pool.on('connect', (client) => {
    const query = client.query;
    Reflect.set(client, 'query', (...args: unknown[]) => {
      const [first] = args;
      const text =
        typeof first === 'string'
          ? first
          : typeof first === 'object' && first !== null && 'text' in first && typeof first.text === 'string'
            ? first.text
            : '';
      onStatement(text);
      return Reflect.apply(query, client, args);
    });
  });
};

/** The store over an open Kysely handle; `close` stops the change feed, destroys the handle, then runs `afterDestroy`. */
export const storeOn = (
  db: Db,
  changes: ClosableChangeFeed,
  afterDestroy: () => Promise<void> = async () => {},
): Store => {
  let closing: Promise<void> | undefined;
  return {
    workspaces: workspaceRepository(db),
    teams: teamRepository(db),
    agents: agentRepository(db),
    peopleLinks: peopleLinkRepository(db),
    sessions: sessionRepository(db),
    apiKeys: apiKeyRepository(db),
    customers: customerRepository(db),
    conversations: conversationRepository(db),
    messages: messageRepository(db),
    events: eventRepository(db),
    articles: articleRepository(db),
    policies: policyRepository(db),
    settings: workspaceSettingRepository(db),
    rateLimits: rateLimitRepository(db),
    aiTurns: aiTurnJobs(db),
    queues: teamQueueRepository(db),
    transaction: (work) =>
      atomically(db, (trx) =>
        work({
          ...storeOn(trx, changes),
          close: () => Promise.reject(new Error('close the store, not a transaction')),
        }),
      ),
    close() {
      closing ??= changes
        .close()
        .then(() => db.destroy())
        .then(afterDestroy);
      return closing;
    },
    changes,
    categoryHistory: categoryHistoryRepository(db),
    reviews: reviewRepository(db),
    metrics: metricsRepository(db),
    webhooks: webhookRepository(db),
    cannedReplies: cannedReplyRepository(db),
    readMarks: readMarkRepository(db),
    tags: tagRepository(db),
  };
};

const openServerDatabase = (databaseUrl: string, options: StoreOptions): Db => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // Named first, so the statement counter sees each call once, as the driver sends it.
  if (options.preparedStatements !== false) prepareLargeStatements(pool);
  countStatements(pool, options.onStatement);
  // An idle connection the server dropped is discarded by the pool and replaced on the next query;
  // without a listener node would treat the event as an uncaught error and exit.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
};

const startPglite = async (
  options: StoreOptions,
): Promise<{ pglite: PGlite; unlock: () => Promise<void> }> => {
  if (options.memory === true) return { pglite: new PGlite(), unlock: async () => {} };
  if (options.dataDir === undefined || options.dataDir === '') {
    throw new Error('openStore needs a databaseUrl, a dataDir or memory: true');
  }
  await mkdir(options.dataDir, { recursive: true });
  const unlock = await lockDataDir(options.dataDir);
  try {
    return { pglite: new PGlite(options.dataDir), unlock };
  } catch (error) {
    await unlock();
    throw error;
  }
};

const openEmbeddedDatabase = async (
  options: StoreOptions,
): Promise<{ db: Db; changes: ClosableChangeFeed; close: () => Promise<void> }> => {
  const { pglite, unlock } = await startPglite(options);
  const close = async () => {
    await pglite.close().finally(unlock);
  };
  try {
    await pglite.waitReady;
    // PGlite runs without fsync, so zero-filling each new 16 MB WAL file buys no durability; it
    // only held the one thread PGlite shares with the server for ≈ 100 ms every few thousand
    // messages (every request waited). The setting lasts for PGlite's one session.
    await pglite.exec('SET wal_init_zero = off');
  } catch (error) {
    await unlock();
    throw error;
  }
  // PGlite is one backend: a single pooled client that never idles out, so queries and
  // transactions queue behind each other exactly as on one server connection.
  const config = { ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 };
  const pool = new pg.Pool(config);
  countStatements(pool, options.onStatement);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, changes: embeddedChangeFeed(pglite), close };
};

/** Opens the store and brings its schema up to date. */
export const openStore = async (options: StoreOptions): Promise<Store> => {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    const db = openServerDatabase(options.databaseUrl, options);
    try {
      await migrateToLatest(db);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return storeOn(db, serverChangeFeed(options.databaseUrl));
  }
  const { db, changes, close } = await openEmbeddedDatabase(options);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    await close();
    throw error;
  }
  return storeOn(db, changes, close);
};
