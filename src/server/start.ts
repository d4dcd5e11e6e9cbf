/**
 * The composition root of `baton start`: config → store → demo data → AI → server.
 * Nothing else reads the environment.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { pino } from 'pino';
import { startMockAccountService } from '../../demo/account-service.ts';
import { demoCompany } from '../../demo/company.ts';
import { seedDemoCompany } from '../../demo/seed.ts';
import { createPostgresLiveBus } from '../adapters/live/postgres-live-bus.ts';
import { openStore } from '../adapters/store/open-store.ts';
import { buildWorkspaceAnswerer } from './answerer-factory.ts';
import { signCustomerIdentity } from './auth/customer-identity.ts';
import { startBatonServer } from './baton-server.ts';
import { type BatonConfig, loadConfig } from './config.ts';
import { loadIntegrations } from './integrations-config.ts';
import { buildTurnEngine } from './turn-engine-factory.ts';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DEMO_WORKSPACE = 'acme';

/** The signing secret: BATON_SECRET, or one generated once and kept in the data folder. */
const resolveSecret = async (config: BatonConfig): Promise<string> => {
  if (config.secret) return config.secret;
  const file = join(config.dataDir, 'secret.key');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
};

/** Builds the web app once if it is missing, so a fresh clone runs with one command. */
const ensureWebBuilt = async (): Promise<string> => {
  const webRoot = join(repositoryRoot, 'web/dist');
  if (!existsSync(join(webRoot, 'index.html'))) {
    process.stdout.write('Building the web app (first start only)…\n');
    const { build } = await import('vite');
    await build({ configFile: join(repositoryRoot, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  return webRoot;
};

export const startBaton = async (options: { loadDemo: boolean }): Promise<void> => {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const log = pino({ level: config.logLevel });
  const store = await openStore(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: resolve(config.dataDir, 'pglite') },
  );
  const demo = options.loadDemo ? await seedDemoCompany(store) : null;
  const accountService = demo
    ? await startMockAccountService({ port: config.demoAccountServicePort, host: '127.0.0.1' })
    : null;
  const workspace = await store.workspaces.getBySlug(DEMO_WORKSPACE);
  if (!workspace) throw new Error('No workspace yet: run `baton start` once without --no-demo.');

  const secret = await resolveSecret(config);
  const identitySecret = config.identitySecret ?? secret;
  const reportError = (error: unknown, context: Record<string, unknown>) =>
    log.error({ err: error, ...context }, 'background work failed');
  // Several processes may share a PostgreSQL server: live updates then travel through it.
  const live = config.databaseUrl ? await createPostgresLiveBus(config.databaseUrl, reportError) : undefined;
  const running = await startBatonServer({
    store,
    workspaceSlug: DEMO_WORKSPACE,
    turnEngine: buildTurnEngine(
      store,
      workspace,
      {
        integrations: await loadIntegrations({
          file: config.integrationsFile,
          demoAccountServiceUrl: config.accountServiceUrl ?? accountService?.url ?? null,
        }),
        secrets: config.lookupSecrets,
      },
      // Every model call is logged: faults as warnings (never swallowed), usage at debug level.
      {
        reportError,
        answerer: (search) =>
          buildWorkspaceAnswerer(
            store,
            workspace.id,
            {
              environment: config.llm,
              secret,
              observe: (call) =>
                call.ok
                  ? log.debug({ llm: call }, 'model answered')
                  : log.warn(
                      { llm: call },
                      `model call failed (${call.fault}): handed over as ai_unavailable`,
                    ),
            },
            { search },
          ),
      },
    ),
    llm: config.llm ? { baseUrl: config.llm.baseUrl, model: config.llm.model } : null,
    settings: {
      secret,
      identitySecret,
      sessionTtlHours: config.sessionTtlHours,
      customerTokenTtlDays: config.customerTokenTtlDays,
      secureCookies: (config.publicUrl ?? '').startsWith('https://'),
      trustedProxyHops: config.trustedProxyHops,
      widgetFrameAncestors: config.widgetFrameAncestors,
      liveAllowedOrigins: config.liveAllowedOrigins,
    },
    rateLimits: config.rateLimits,
    port: config.port,
    host: config.host,
    maxMessageChars: config.maxMessageChars,
    webRoot: await ensureWebBuilt(),
    reportError,
    log,
    metricsToken: config.metricsToken,
    ...(live ? { live } : {}),
  });

  const url = config.publicUrl ?? `http://localhost:${running.port}`;
  const lines = [
    '',
    `Baton is running at ${url}`,
    `  customer chat:  ${url}/chat`,
    `  agent inbox:    ${url}/agent`,
    `  API document:   ${url}/openapi.json`,
    `  AI answerer:    ${config.llm ? `${config.llm.model} at ${config.llm.baseUrl} (BATON_LLM_*)` : 'embedded retrieval (no model; set BATON_LLM_BASE_URL to use one)'}`,
    `  database:       ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${resolve(config.dataDir, 'pglite')}`}`,
  ];
  if (demo) {
    lines.push('', 'Demo agents (company "Acme"):');
    for (const agent of demo.agents) {
      lines.push(`  ${agent.email.padEnd(20)} password: ${agent.password}   (${agent.role})`);
    }
    lines.push('', 'Chat as an identified demo customer (their plan, payments and orders are looked up):');
    for (const customer of demoCompany.customers) {
      const signature = signCustomerIdentity(identitySecret, customer.externalId);
      lines.push(`  ${customer.name.padEnd(14)} ${url}/chat?as=${customer.externalId}&sig=${signature}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  const shutdown = async () => {
    log.info('shutting down');
    await running.close();
    await live?.close();
    await accountService?.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};
