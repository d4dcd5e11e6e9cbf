/**
 * Loads the demo company into a store once: workspace "acme", its teams, agents, customers and
 * knowledge base. Running it again changes nothing.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '../src/adapters/crypto/password.ts';
import { importArticles, readKnowledgeFolder } from '../src/adapters/knowledge/markdown-folder.ts';
import { describeArticleProblems } from '../src/core/knowledge/article-markdown.ts';
import type { AgentRole, Workspace } from '../src/core/model.ts';
import type { Store } from '../src/core/ports/store.ts';
import { type DemoCompany, demoCompany } from './company.ts';
import { demoPolicyDocument } from './policy.ts';

export const demoKnowledgeDir = join(dirname(fileURLToPath(import.meta.url)), 'knowledge');

export interface DemoSeed {
  /** False when the workspace already existed and nothing was written. */
  readonly created: boolean;
  readonly workspace: Workspace;
  /** The demo sign-ins, for `baton start` to print. */
  readonly agents: readonly { readonly email: string; readonly password: string; readonly role: AgentRole }[];
  readonly articles: number;
}

/** Creates the demo company unless its workspace exists. */
export const seedDemoCompany = async (
  store: Store,
  options: { readonly company?: DemoCompany; readonly knowledgeDir?: string } = {},
): Promise<DemoSeed> => {
  const company = options.company ?? demoCompany;
  const agents = company.agents.map(({ email, password, role }) => ({ email, password, role }));
  const existing = await store.workspaces.getBySlug(company.workspace.slug);
  if (existing) {
    const articles = (await store.articles.list(existing.id)).length;
    return { created: false, workspace: existing, agents, articles };
  }

  // Read the knowledge base first: a broken demo article should stop the seed before it writes.
  const knowledge = await readKnowledgeFolder(options.knowledgeDir ?? demoKnowledgeDir);
  if (knowledge.failures.length > 0) {
    const lines = knowledge.failures.flatMap((failure) =>
      describeArticleProblems(failure.fileName, failure.problems),
    );
    throw new Error(`The demo knowledge base has problems:\n${lines.join('\n')}`);
  }

  const workspace = await store.workspaces.create({ ...company.workspace, demo: true });
  for (const team of company.teams) await store.teams.upsert({ workspaceId: workspace.id, ...team });
  for (const agent of company.agents) {
    const created = await store.agents.create({
      workspaceId: workspace.id,
      email: agent.email,
      name: agent.name,
      role: agent.role,
      passwordHash: await hashPassword(agent.password),
      teamKeys: agent.teamKeys,
      capacity: agent.capacity,
      demo: true,
    });
    // Demo agents start on shift, so a handoff gets a real wait estimate and an assignee.
    await store.agents.setStatus(created.id, 'available');
  }
  for (const customer of company.customers)
    await store.customers.create({ workspaceId: workspace.id, ...customer });
  const imported = await importArticles(store, workspace.id, knowledge.articles);
  if (imported.failed.length > 0) {
    throw new Error(
      `Demo articles could not be saved: ${imported.failed.map((f) => `${f.slug} (${f.error})`).join(', ')}`,
    );
  }
  await store.policies.publish({
    workspaceId: workspace.id,
    document: demoPolicyDocument(),
    author: 'system',
    note: 'Acme demo policy: Baton default plus the member charge rule',
  });
  return { created: true, workspace, agents, articles: imported.imported.length };
};
