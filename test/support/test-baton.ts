/**
 * Starts a real Baton for a test file: embedded PostgreSQL in memory (or a shared server), the demo company, the
 * demo's mock account service, and the server on a free loopback port.
 */
import { join } from 'node:path';
import { startMockAccountService } from '../../demo/account-service.ts';
import { demoIntegrations } from '../../demo/integrations.ts';
import { seedDemoCompany } from '../../demo/seed.ts';
import { createPostgresLiveBus } from '../../src/adapters/live/postgres-live-bus.ts';
import { openStore } from '../../src/adapters/store/open-store.ts';
import type { WorkspaceTriageCache } from '../../src/app/workspace-triage.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { buildWorkspaceAnswerer } from '../../src/server/answerer-factory.ts';
import {
  type BatonServerOptions,
  type RunningBaton,
  startBatonServer,
} from '../../src/server/baton-server.ts';
import type { LlmConfig } from '../../src/server/config.ts';
import { lookupShapesOf, parseIntegrationList } from '../../src/server/integrations-config.ts';
import type { RateLimitSettings } from '../../src/server/security/rate-limit-settings.ts';
import { repositoryRoot } from '../../src/server/start.ts';
import { buildTurnEngine } from '../../src/server/turn-engine-factory.ts';
import { type FakeOpenAiServer, startFakeOpenAiServer } from './fake-openai-server.ts';

export const TEST_SECRET = 'test-secret-for-baton-tests-0123456789abcdef';

export interface TestBaton {
  readonly url: string;
  readonly baton: RunningBaton;
  readonly store: Store;
  readonly agents: readonly { email: string; password: string; role: string }[];
  readonly errors: unknown[];
  /** The AI's cached policy, wording, knowledge and category model (`settled()` waits for retraining). */
  readonly triage: WorkspaceTriageCache;
  /** The demo's mock account service (plans, payments, orders of the demo customers). */
  readonly accountsUrl: string;
  close(): Promise<void>;
}

export const startTestBaton = async (
  options: {
    withWeb?: boolean;
    /** Where account lookups go instead of the mock service (e.g. a dead port, to test faults). */
    lookupsUrl?: string;
    /**
     * A PostgreSQL database to share with other test processes instead of an embedded one; live
     * updates then travel through it, as they do between real Baton processes.
     */
    databaseUrl?: string;
    /** An OpenAI-compatible model for the AI turn (a fake server in tests), as BATON_LLM_* would configure it. */
    llm?: LlmConfig;
    /** SPEC §11 rate limits; off unless a test is about them (every test request comes from 127.0.0.1). */
    rateLimits?: RateLimitSettings;
    /** Reverse proxies trusted for X-Forwarded-For (tests of per-address limits). */
    trustedProxyHops?: number;
    /** Origins besides Baton's own whose pages may open the live socket (BATON_LIVE_ALLOWED_ORIGINS). */
    liveAllowedOrigins?: readonly string[];
    /** How this process runs AI turn jobs (e.g. a short lease for crash tests). */
    aiTurns?: BatonServerOptions['aiTurns'];
    /** How this process sends webhooks (a short back-off for retry tests). */
    webhooks?: BatonServerOptions['webhooks'];
    /** How long finished work is kept and how often it is swept (short, for housekeeping tests). */
    retention?: BatonServerOptions['retention'];
    /** BATON_WEBHOOK_ALLOW_PRIVATE: tests' receivers listen on 127.0.0.1. */
    webhookAllowPrivate?: boolean;
    /** Also told every error the server reports (a child process prints them for its test to show). */
    onError?: (error: unknown) => void;
  } = {},
): Promise<TestBaton> => {
  const store = await openStore(
    options.databaseUrl ? { databaseUrl: options.databaseUrl } : { memory: true },
  );
  const live = options.databaseUrl ? await createPostgresLiveBus(options.databaseUrl, () => {}) : undefined;
  const demo = await seedDemoCompany(store);
  const accounts = await startMockAccountService({ port: 0, host: '127.0.0.1' });
  const workspace = await store.workspaces.getBySlug('acme');
  if (!workspace) throw new Error('the demo seed did not create the acme workspace');
  const errors: unknown[] = [];
  // BATON_E2E_LLM=fake runs any test's Baton with a model: the fake server's grounded model.
  const fake: FakeOpenAiServer | null =
    options.llm === undefined && process.env.BATON_E2E_LLM === 'fake' ? await startFakeOpenAiServer() : null;
  const llm: LlmConfig | undefined =
    options.llm ??
    (fake
      ? {
          baseUrl: fake.baseUrl,
          apiKey: null,
          model: 'fake-model',
          timeoutMs: 8000,
          maxRetries: 1,
          prices: null,
        }
      : undefined);
  const integrations = parseIntegrationList(
    demoIntegrations(options.lookupsUrl ?? accounts.url),
    'demo integrations',
  );
  const turnEngine = buildTurnEngine(
    store,
    workspace,
    {
      integrations,
      secrets: { ACCOUNT_SERVICE_TOKEN: 'demo-account-key' },
    },
    {
      answerer: (search) =>
        buildWorkspaceAnswerer(
          store,
          workspace.id,
          { environment: llm ?? null, secret: TEST_SECRET },
          { refreshMs: 0, search },
        ),
    },
  );
  const baton = await startBatonServer({
    store,
    workspaceSlug: 'acme',
    turnEngine,
    // Any other workspace a test sets up (tests of several workspaces): no lookups, no model.
    turnEngineFor: (other) =>
      buildTurnEngine(
        store,
        other,
        { integrations: [], secrets: {} },
        {
          answerer: (search) =>
            buildWorkspaceAnswerer(
              store,
              other.id,
              { environment: null, secret: TEST_SECRET },
              { refreshMs: 0, search },
            ),
        },
      ),
    llm: llm ? { baseUrl: llm.baseUrl, model: llm.model } : null,
    settings: {
      secret: TEST_SECRET,
      identitySecret: TEST_SECRET,
      sessionTtlHours: 1,
      customerTokenTtlDays: 1,
      secureCookies: false,
      trustedProxyHops: options.trustedProxyHops ?? 0,
      lookupShapes: lookupShapesOf(integrations),
      ...(options.liveAllowedOrigins ? { liveAllowedOrigins: options.liveAllowedOrigins } : {}),
      ...(options.webhookAllowPrivate ? { webhookAllowPrivate: true } : {}),
    },
    rateLimits: options.rateLimits ?? 'off',
    port: 0,
    host: '127.0.0.1',
    maxMessageChars: 4000,
    ...(options.withWeb ? { webRoot: join(repositoryRoot, 'web/dist') } : {}),
    reportError: (error) => {
      errors.push(error);
      options.onError?.(error);
    },
    ...(live ? { live } : {}),
    ...(options.aiTurns ? { aiTurns: options.aiTurns } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(options.retention ? { retention: options.retention } : {}),
  });
  // Like a server that has warmed up: the first test's message does not wait for the first training.
  await turnEngine.triage.settled();
  return {
    url: baton.url,
    baton,
    store,
    agents: demo?.agents ?? [],
    errors,
    triage: turnEngine.triage,
    accountsUrl: accounts.url,
    async close() {
      await baton.close();
      await live?.close();
      await accounts.close();
      await fake?.close();
      await store.close();
    },
  };
};

/**
 * Marks demo agents away, so automatic assignment gives handoffs to the others: a test whose agent
 * replies needs the conversation to be theirs (replying to a colleague's conversation is refused).
 */
export const setAgentsAway = async (baton: TestBaton, emails: readonly string[]): Promise<void> => {
  const workspace = await baton.store.workspaces.getBySlug('acme');
  if (!workspace) throw new Error('the demo seed did not create the acme workspace');
  for (const email of emails) {
    const agent = await baton.store.agents.getByEmail(workspace.id, email);
    if (!agent) throw new Error(`the demo has no ${email}`);
    await baton.store.agents.setStatus(agent.id, 'away');
  }
};
