/**
 * Creates a company's workspace and its first admin in one transaction (the set-up page and
 * `baton setup`): nothing is stored half-way. The workspace starts with the teams the default
 * policy routes to, so a handoff always has a queue, and the admin works in all of them.
 */
import { hashPassword } from '../../adapters/crypto/password.ts';
import type { Agent, Workspace } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import { defaultPolicy } from '../../core/triage/policy/default-policy.ts';
import { teamsOfPolicy } from '../../core/workspace/teams-of-policy.ts';

export interface NewCompany {
  readonly slug: string;
  readonly name: string;
  readonly admin: { readonly name: string; readonly email: string; readonly password: string };
}

export const setUpWorkspace = async (
  store: Store,
  company: NewCompany,
): Promise<{ workspace: Workspace; admin: Agent }> => {
  const passwordHash = await hashPassword(company.admin.password);
  const teams = teamsOfPolicy(defaultPolicy());
  return store.transaction(async (tx) => {
    const workspace = await tx.workspaces.create({ slug: company.slug, name: company.name });
    for (const team of teams) await tx.teams.upsert({ workspaceId: workspace.id, ...team });
    const admin = await tx.agents.create({
      workspaceId: workspace.id,
      email: company.admin.email,
      name: company.admin.name,
      role: 'admin',
      passwordHash,
      teamKeys: teams.map((team) => team.key),
    });
    return { workspace, admin };
  });
};
