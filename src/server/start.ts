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
import { loadDemoHistory } from '../../demo/history.ts';
import { seedDemoCompany } from '../../demo/seed.ts';
import { createPostgresLiveBus } from '../adapters/live/postgres-live-bus.ts';
import { createSmtpMailer } from '../adapters/mail/smtp-mailer.ts';
import { openStore } from '../adapters/store/open-store.ts';
import type { Workspace } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import { DEFAULT_WEBHOOK_RETRY } from '../core/webhooks/retry-schedule.ts';
import { servedWorkspace } from '../core/workspace/served-workspace.ts';
import { buildWorkspaceAnswerer } from './answerer-factory.ts';
import { signCustomerIdentity } from './auth/customer-identity.ts';
import { startBatonServer } from './baton-server.ts';
import { type BatonConfig, DEMO_ACCOUNT_KEY, loadConfig, requireProductionSecrets } from './config.ts';
import { loadIntegrations, lookupShapesOf } from './integrations-config.ts';
import { serveFirstSetup } from './setup/setup-server.ts';
import { buildTurnEngine } from './turn-engine-factory.ts';
import { rebuildWebApp, webAppCurrent } from './web-build.ts';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Without the demo, its mock account service's default key is never sent anywhere. */
const withoutDemoKey = (secrets: Readonly<Record<string, string>>): Readonly<Record<string, string>> =>
  Object.fromEntries(
    Object.entries(secrets).filter(
      ([name, value]) => !(name === 'ACCOUNT_SERVICE_TOKEN' && value === DEMO_ACCOUNT_KEY),
    ),
  );

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

/**
 * Builds the web app if it is missing or was built from other sources (an upgrade), so a fresh
 * clone runs with one command and an upgraded one serves its own pages. Where the build cannot be
 * written (a read-only install), an existing build is served as it is, with a warning.
 */
const ensureWebBuilt = async (): Promise<string> => {
  const webRoot = join(repositoryRoot, 'web/dist');
  if (await webAppCurrent(webRoot)) return webRoot;
  const first = !existsSync(join(webRoot, 'index.html'));
  process.stdout.write(
    first ? 'Building the web app (first start only)…\n' : 'Building the web app (its sources changed)…\n',
  );
  try {
    await rebuildWebApp(join(repositoryRoot, 'web/vite.config.ts'), webRoot);
  } catch (error) {
    if (first) throw error;
    process.emitWarning(
      `The web app could not be rebuilt (${error instanceof Error ? error.message : String(error)}); ` +
        'serving the build already in web/dist. Run `npm run build:web` to rebuild it.',
      { code: 'BATON_WEB_BUILD_FAILED' },
    );
  }
  return webRoot;
};

/**
 * When the demo loads: `first-start` (`baton start`) only on a database with no workspace yet,
 * `never` (`baton start --no-demo`: an empty database waits for its set-up link), `always` (`baton demo`).
 */
export type DemoChoice = 'first-start' | 'never' | 'always';

/**
 * The workspace to serve: the demo's, the configured or first one, or null on an empty install;
 * `demoCreated` when the demo company was made just now (its history is still to load).
 */
const workspaceToServe = async (store: Store, config: BatonConfig, demo: DemoChoice) => {
  const workspaces = await store.workspaces.list();
  if (demo === 'always' || (demo === 'first-start' && workspaces.length === 0)) {
    const seeded = await seedDemoCompany(store);
    return { workspace: seeded.workspace, demoCreated: seeded.created };
  }
  const served = servedWorkspace(workspaces, config.workspace);
  if (served.kind === 'unknown') {
    throw new Error(
      `BATON_WORKSPACE=${served.slug} names no workspace. Known: ${served.known.join(', ') || 'none'}.`,
    );
  }
  return served.kind === 'found' ? { workspace: served.workspace, demoCreated: false } : null;
};

/** An empty install serves the set-up page until its one-time link was used, then the workspace made there. */
const awaitFirstSetup = async (
  store: Store,
  config: BatonConfig,
  webRoot: string,
  reportError: (error: unknown, context: Record<string, unknown>) => void,
) => {
  const waiting = await serveFirstSetup({
    store,
    port: config.port,
    host: config.host,
    webRoot,
    https: (config.publicUrl ?? '').startsWith('https://'),
    widgetFrameAncestors: config.widgetFrameAncestors,
    reportError,
  });
  const url = config.publicUrl ?? `http://localhost:${waiting.listener.port}`;
  process.stdout.write(
    [
      '',
      'Baton has no workspace yet. Open this one-time set-up link to create yours and its first admin',
      `(valid once, until ${waiting.expiresAt.toISOString()}):`,
      '',
      `  ${url}${waiting.linkPath}`,
      '',
      'Headless instead: stop Baton and run `npx baton setup --workspace SLUG --name "Company" --admin-email EMAIL`.',
      '',
    ].join('\n'),
  );
  return { waiting, workspace: await waiting.created };
};

export const startBaton = async (options: { demo: DemoChoice }): Promise<void> => {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  requireProductionSecrets(process.env, config);
  const log = pino({ level: config.logLevel });
  const store = await openStore(
    config.databaseUrl
      ? { databaseUrl: config.databaseUrl, preparedStatements: config.preparedStatements }
      : { dataDir: resolve(config.dataDir, 'pglite') },
  );
  const reportError = (error: unknown, context: Record<string, unknown>) =>
    log.error({ err: error, ...context }, 'background work failed');
  const webRoot = await ensureWebBuilt();
  const found = await workspaceToServe(store, config, options.demo);
  const setup = found ? null : await awaitFirstSetup(store, config, webRoot, reportError);
  const workspace = found?.workspace ?? setup?.workspace;
  if (!workspace) throw new Error('no workspace after set-up');
  // The demo's accounts, mock account service and its well-known key exist only for the demo.
  const accountService = workspace.demo
    ? await startMockAccountService({ port: config.demoAccountServicePort, host: '127.0.0.1' })
    : null;

  const secret = await resolveSecret(config);
  const identitySecret = config.identitySecret ?? secret;
  // Several processes may share a PostgreSQL server: live updates then travel through it.
  const live = config.databaseUrl ? await createPostgresLiveBus(config.databaseUrl, reportError) : undefined;
  const integrationsOf = async (forDemo: boolean) =>
    loadIntegrations({
      file: config.integrationsFile,
      demoAccountServiceUrl: forDemo ? (config.accountServiceUrl ?? accountService?.url ?? null) : null,
    });
  const integrations = await integrationsOf(workspace.demo);
  const companyIntegrations = workspace.demo ? await integrationsOf(false) : integrations;
  // Every workspace has its own engine (its policy, knowledge and model caches); only the demo's
  // may use the demo's mock account service and its well-known key.
  const engineFor = (served: Workspace) =>
    buildTurnEngine(
      store,
      served,
      {
        integrations: served.demo ? integrations : companyIntegrations,
        secrets: served.demo ? config.lookupSecrets : withoutDemoKey(config.lookupSecrets),
      },
      // Every model call is logged: faults as warnings (never swallowed), usage at debug level.
      {
        reportError,
        answerer: (search) =>
          buildWorkspaceAnswerer(
            store,
            served.id,
            {
              environment: config.llm,
              secret,
              observe: (call) =>
                call.ok
                  ? log.debug({ llm: call, workspace: served.slug }, 'model answered')
                  : log.warn(
                      { llm: call, workspace: served.slug },
                      `model call failed (${call.fault}): handed over as ai_unavailable`,
                    ),
            },
            { search },
          ),
      },
    );
  const running = await startBatonServer({
    store,
    workspaceSlug: workspace.slug,
    ...(setup ? { listener: setup.waiting.listener } : {}),
    turnEngine: engineFor(workspace),
    turnEngineFor: engineFor,
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
      webhookAllowPrivate: config.webhooks.allowPrivate,
      lookupShapes: lookupShapesOf(integrations),
    },
    webhooks: {
      timeoutMs: config.webhooks.timeoutMs,
      retry: { ...DEFAULT_WEBHOOK_RETRY, maxAttempts: config.webhooks.maxAttempts },
    },
    aiTurns: { concurrency: config.aiTurnConcurrency },
    retention: { webhookLogDays: config.webhooks.logDays },
    rateLimits: config.rateLimits,
    ...(config.mail ? { mailer: createSmtpMailer(config.mail.smtpUrl, config.mail.from) } : {}),
    port: config.port,
    host: config.host,
    maxMessageChars: config.maxMessageChars,
    webRoot,
    reportError,
    log,
    metricsToken: config.metricsToken,
    ...(live ? { live } : {}),
  });

  setup?.waiting.handedOver();
  if (found?.demoCreated) {
    // In the background: the server answers at once, the analytics page fills as the history lands.
    // Its own engine: the embedded answerer and no account lookups, so the simulated customers
    // neither call a configured model nor show up as failed lookups in integration health.
    const historyEngine = buildTurnEngine(
      store,
      workspace,
      { integrations: [], secrets: {} },
      { reportError },
    );
    const started = performance.now();
    loadDemoHistory(store, workspace, historyEngine, new Date(), reportError).then(
      (stored) =>
        log.info(
          { conversations: stored, seconds: Math.round((performance.now() - started) / 100) / 10 },
          'demo history loaded',
        ),
      (error: unknown) => reportError(error, { during: 'demo_history' }),
    );
  }

  const url = config.publicUrl ?? `http://localhost:${running.port}`;
  const lines = [
    '',
    `Baton is running at ${url}`,
    `  customer chat:  ${url}/chat`,
    `  agent inbox:    ${url}/agent`,
    `  API document:   ${url}/openapi.json`,
    `  AI answerer:    ${config.llm ? `${config.llm.model} at ${config.llm.baseUrl} (BATON_LLM_*)` : 'embedded retrieval (no model; set BATON_LLM_BASE_URL to use one)'}`,
    `  database:       ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${resolve(config.dataDir, 'pglite')}`}`,
    `  workspace:      ${workspace.name} (${workspace.slug})${workspace.demo ? ', the demo' : ''}`,
  ];
  const others = running.runtimes().filter((runtime) => runtime.workspace.id !== workspace.id);
  if (others.length > 0) {
    // Sign-in and the chat name these with their `workspace` slug; credentials imply their own.
    lines.push(`  also serving:   ${others.map((runtime) => runtime.workspace.slug).join(', ')}`);
  }
  if (workspace.demo) {
    lines.push('', 'Demo agents (company "Acme"; public passwords, marked demo in the inbox):');
    for (const agent of demoCompany.agents) {
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
