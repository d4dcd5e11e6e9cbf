/**
 * Starts a real Baton for a company's own workspace, set up as `baton setup` does: no demo data, no
 * demo lookups, one admin. Embedded PostgreSQL in memory, or a PostgreSQL server when given.
 */
import { join } from 'node:path';
import type { Mailer } from '../../src/adapters/mail/smtp-mailer.ts';
import { openStore } from '../../src/adapters/store/open-store.ts';
import { setUpWorkspace } from '../../src/app/company/set-up-workspace.ts';
import type { Workspace } from '../../src/core/model.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { buildWorkspaceAnswerer } from '../../src/server/answerer-factory.ts';
import { type RunningBaton, startBatonServer } from '../../src/server/baton-server.ts';
import { repositoryRoot } from '../../src/server/start.ts';
import { buildTurnEngine } from '../../src/server/turn-engine-factory.ts';
import { TEST_SECRET } from './test-baton.ts';

export const COMPANY_ADMIN = {
  name: 'Nadia Okoro',
  email: 'nadia@northwind.example',
  password: 'steeped-leaves-42',
} as const;

export interface CompanyBaton {
  readonly url: string;
  readonly baton: RunningBaton;
  readonly store: Store;
  readonly workspace: Workspace;
  readonly errors: unknown[];
  close(): Promise<void>;
}

export const startCompanyBaton = async (
  options: { withWeb?: boolean; databaseUrl?: string; mailer?: Mailer } = {},
): Promise<CompanyBaton> => {
  const store = await openStore(
    options.databaseUrl ? { databaseUrl: options.databaseUrl } : { memory: true },
  );
  const { workspace } = await setUpWorkspace(store, {
    slug: 'northwind',
    name: 'Northwind Tea',
    admin: COMPANY_ADMIN,
  });
  const errors: unknown[] = [];
  const turnEngine = buildTurnEngine(
    store,
    workspace,
    { integrations: [], secrets: {} },
    {
      answerer: (search) =>
        buildWorkspaceAnswerer(
          store,
          workspace.id,
          { environment: null, secret: TEST_SECRET },
          { refreshMs: 0, search },
        ),
    },
  );
  const baton = await startBatonServer({
    store,
    workspaceSlug: workspace.slug,
    turnEngine,
    llm: null,
    settings: {
      secret: TEST_SECRET,
      identitySecret: TEST_SECRET,
      sessionTtlHours: 1,
      customerTokenTtlDays: 1,
      secureCookies: false,
      trustedProxyHops: 0,
    },
    rateLimits: 'off',
    port: 0,
    host: '127.0.0.1',
    maxMessageChars: 4000,
    ...(options.withWeb ? { webRoot: join(repositoryRoot, 'web/dist') } : {}),
    reportError: (error) => errors.push(error),
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
  await turnEngine.triage.settled();
  return {
    url: baton.url,
    baton,
    store,
    workspace,
    errors,
    async close() {
      await baton.close();
      await store.close();
    },
  };
};
