/**
 * Message-path benchmark: N simulated customers over HTTP + WebSocket on loopback against one
 * Baton server process; from the customer's POST to the AI's answer pushed over the WebSocket.
 * Beside it, in the same run, the rate of bare committed single-row INSERTs through the same
 * driver on the same database, and the statements the server sent per answer (counted at the
 * driver, BEGIN/COMMIT included). The last line printed is one JSON object.
 *
 *   npx tsx bench/message-path/run.ts --customers 20 --messages 5 --db pglite [--rate 10] [--json]
 *   bash scripts/with-postgres.sh npx tsx bench/message-path/run.ts --customers 100 --messages 5 --db postgres
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startMockAccountService } from '../../demo/account-service.ts';
import { demoIntegrations } from '../../demo/integrations.ts';
import { seedDemoCompany } from '../../demo/seed.ts';
import { openStore } from '../../src/adapters/store/open-store.ts';
import { createTestDatabase, type TestDatabase } from '../../src/adapters/store/testing.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { startBatonServer } from '../../src/server/baton-server.ts';
import { parseIntegrationList } from '../../src/server/integrations-config.ts';
import { buildTurnEngine } from '../../src/server/turn-engine-factory.ts';
import { inlineClients, processClients } from './clients.ts';
import { startCpuProfile } from './cpu-profile.ts';
import { startMachineCpu } from './machine-cpu.ts';
import { openPgStats } from './pg-stats.ts';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '20' },
    messages: { type: 'string', default: '5' },
    db: { type: 'string', default: 'pglite' },
    rate: { type: 'string' },
    json: { type: 'boolean', default: false },
    /** Also print which statements the measured run sent, most frequent first (to stderr). */
    explain: { type: 'boolean', default: false },
    'insert-seconds': { type: 'string', default: '3' },
    /** Write a CPU profile of the measured run alone (not seeding, baseline or warm-up) to this file. */
    'cpu-profile': { type: 'string' },
    /** `process`: the customers run in a child process; `inline`: in the server's process. */
    clients: { type: 'string', default: 'process' },
    /**
     * Rounds of throwaway customers (as many as --customers, five questions each) before the clock
     * starts, so the measurement sees a warmed-up server, not one still compiling its code.
     */
    warmup: { type: 'string', default: '3' },
    /**
     * PGlite keeps its data in a temporary folder on disk, as `baton start` does; `--pglite-memory`
     * keeps it in memory instead (its in-memory files copy themselves whole as they grow).
     */
    'pglite-memory': { type: 'boolean', default: false },
    /** `false`: send the large statements unnamed (planned every time), to measure what naming saves. */
    prepared: { type: 'string', default: 'true' },
    /** PostgreSQL's own view of the run on stderr (see pg-stats.ts; --db postgres only). */
    'pg-stats': { type: 'boolean', default: false },
  },
});

const positive = (name: string, text: string | undefined): number => {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`--${name} must be a positive number (got ${text}).\n`);
    process.exit(2);
  }
  return value;
};
const CUSTOMERS = Math.round(positive('customers', values.customers));
const MESSAGES = Math.round(positive('messages', values.messages));
const RATE = values.rate === undefined ? null : positive('rate', values.rate);
const INSERT_SECONDS = positive('insert-seconds', values['insert-seconds']);
const WARMUP_ROUNDS = Number(values.warmup);
if (!Number.isInteger(WARMUP_ROUNDS) || WARMUP_ROUNDS < 0) {
  process.stderr.write(`--warmup must be a whole number of rounds, 0 or more (got ${values.warmup}).\n`);
  process.exit(2);
}
if (values.db !== 'pglite' && values.db !== 'postgres') {
  process.stderr.write('--db must be pglite or postgres.\n');
  process.exit(2);
}
const DB = values.db;
if (values.clients !== 'process' && values.clients !== 'inline') {
  process.stderr.write('--clients must be process or inline.\n');
  process.exit(2);
}
const CLIENTS = values.clients;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Bare committed single-row INSERT transactions, one after another, through the store's driver. */
const insertRate = async (store: Store, workspaceId: string, seconds: number): Promise<number> => {
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  let count = 0;
  while (performance.now() < end) {
    await store.customers.create({ workspaceId, name: `bench-${count}` });
    count += 1;
  }
  return count / ((performance.now() - t0) / 1000);
};

let statements = 0;
let measuring = false;
const shapes = new Map<string, number>();
let database: TestDatabase | undefined;
if (DB === 'postgres' && !process.env.BATON_TEST_DATABASE_URL) {
  process.stderr.write('--db postgres needs a server: run under `bash scripts/with-postgres.sh`.\n');
  process.exit(2);
}
if (DB === 'postgres') database = await createTestDatabase();
const pgliteDir =
  DB === 'pglite' && !values['pglite-memory'] ? await mkdtemp(join(tmpdir(), 'baton-bench-')) : undefined;
const store = await openStore({
  ...(database ? { databaseUrl: database.url } : pgliteDir ? { dataDir: pgliteDir } : { memory: true }),
  preparedStatements: values.prepared !== 'false',
  onStatement: (text) => {
    statements += 1;
    if (measuring && process.env.TRACE_STATEMENTS)
      process.stderr.write(
        `${performance.now().toFixed(2)} ${text.replace(/\s+/g, ' ').trim().slice(0, 70)}\n`,
      );
    if (measuring && values.explain) {
      const shape = text.replace(/\s+/g, ' ').trim().slice(0, 90);
      shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    }
  },
});
await seedDemoCompany(store);
const accounts = await startMockAccountService({ port: 0, host: '127.0.0.1' });
const workspace = await store.workspaces.getBySlug('acme');
if (!workspace) throw new Error('the demo seed did not create the acme workspace');
const baton = await startBatonServer({
  store,
  workspaceSlug: 'acme',
  turnEngine: buildTurnEngine(store, workspace, {
    integrations: parseIntegrationList(demoIntegrations(accounts.url), 'demo integrations'),
    secrets: { ACCOUNT_SERVICE_TOKEN: 'demo-account-key' },
  }),
  settings: {
    secret: randomUUID() + randomUUID(),
    identitySecret: randomUUID() + randomUUID(),
    sessionTtlHours: 1,
    customerTokenTtlDays: 1,
    secureCookies: false,
  },
  port: 0,
  host: '127.0.0.1',
  maxMessageChars: 4000,
  rateLimits: 'off',
  reportError: (error) => console.error(error),
});

// The insert loop is warmed up as the message path is (an untimed second first).
await insertRate(store, workspace.id, 1);
const rawInsertsPerSec = await insertRate(store, workspace.id, INSERT_SECONDS);
// Warm-up rounds, then one question per measured customer (caches, JIT, first model training),
// all outside the measurement.
const load = {
  url: baton.url,
  customers: CUSTOMERS,
  messages: MESSAGES,
  rate: RATE,
  warmupRounds: WARMUP_ROUNDS,
};
const clients = CLIENTS === 'process' ? await processClients(load) : await inlineClients(load);

const profiler = values['cpu-profile'] ? await startCpuProfile() : null;
const pgStats = values['pg-stats'] && database ? await openPgStats(database.url) : null;
const stopSampling = pgStats?.sampleWaits();
const statementsBefore = statements;
measuring = true;
const cpuBefore = process.cpuUsage();
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
const machineAfter = startMachineCpu();
const { latencies, seconds, cpuMs: clientCpuMs } = await clients.run();
await stopSampling?.();
const cpu = process.cpuUsage(cpuBefore);
const machine = machineAfter();
loopDelay.disable();
const runStatements = statements - statementsBefore;
measuring = false;
if (profiler && values['cpu-profile'])
  await writeFile(values['cpu-profile'], JSON.stringify(await profiler.stop()));

clients.close();
await pgStats?.report();
await pgStats?.close();
await baton.close();
await accounts.close();
await store.close();
await database?.drop();
if (pgliteDir) await rm(pgliteDir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const result = {
  db: DB,
  clients: CLIENTS,
  mode: RATE === null ? 'closed' : 'open',
  warmupRounds: WARMUP_ROUNDS,
  ...(DB === 'pglite' ? { pglite: pgliteDir ? 'data folder' : 'memory' } : {}),
  customers: CUSTOMERS,
  messages: MESSAGES,
  offeredRate: RATE,
  answers: latencies.length,
  answersPerSec: round(latencies.length / seconds),
  p50Ms: round(percentile(latencies, 50)),
  p99Ms: round(percentile(latencies, 99)),
  rawInsertsPerSec: round(rawInsertsPerSec, 0),
  statementsPerAnswer: round(runStatements / Math.max(1, latencies.length), 2),
  // The server process's CPU per answer and its share of one core over the run: whether the
  // path is bound by Node's thread (busy near 1) or by waiting.
  serverCpuMsPerAnswer: round((cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length), 2),
  serverCpuBusy: round((cpu.user + cpu.system) / 1e6 / seconds, 2),
  serverSystemShare: round(cpu.system / Math.max(1, cpu.user + cpu.system), 2),
  // Where the rest of the machine went: all cores' busy share, and the customers' and PostgreSQL's
  // CPU per answer (when the cores are all busy, the closed loop is bound by the machine as a whole).
  machineBusy: round(machine.machineBusy, 2),
  cores: machine.cores,
  clientCpuMsPerAnswer: clientCpuMs === null ? null : round(clientCpuMs / Math.max(1, latencies.length), 2),
  postgresCpuMsPerAnswer: round(machine.postgresCpuMs / Math.max(1, latencies.length), 2),
  // How long the server's event loop was held up (a long synchronous stretch delays every answer).
  loopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
  loopDelayMaxMs: round(loopDelay.max / 1e6),
};
if (values.explain) {
  const top = [...shapes.entries()].sort((a, b) => b[1] - a[1]);
  for (const [shape, count] of top) {
    process.stderr.write(`${(count / Math.max(1, latencies.length)).toFixed(2).padStart(6)}  ${shape}\n`);
  }
}
if (!values.json) {
  process.stdout.write(
    `${result.answers} answers of ${CUSTOMERS * MESSAGES} in ${seconds.toFixed(1)} s; ` +
      `${((result.answersPerSec / result.rawInsertsPerSec) * 100).toFixed(1)}% of the raw insert rate\n`,
  );
}
process.stdout.write(`${JSON.stringify(result)}\n`);
