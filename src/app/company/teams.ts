/**
 * Teams (issue 10): admins create and edit teams (name, categories owned, business hours with time
 * zone and holidays); ops and admins read them. The core decides whether an edit fits the policy.
 */
import { canChangePolicy, canManagePeople } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent, Team } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import { validatePolicy } from '../../core/triage/index.ts';
import { type TeamUse, teamDeleteProblems } from '../../core/workspace/team-delete.ts';
import { type TeamEdit, teamEditProblems } from '../../core/workspace/team-edit.ts';
import { policyCategoryNames } from '../category-confirmation.ts';
import type { AppContext } from '../context.ts';

export const listTeams = async (
  ctx: AppContext,
  actor: Agent,
): Promise<{ teams: Team[]; categories: string[] }> => {
  if (!canChangePolicy(actor))
    throw new DomainError('forbidden', 'Only ops and admins see the team settings.');
  const [teams, categories] = await Promise.all([
    ctx.store.teams.list(ctx.workspace.id),
    policyCategoryNames(ctx.store, ctx.workspace.id),
  ]);
  return { teams, categories };
};

/** Creates the team with this key, or changes it; refused whole, with every problem, when it does not fit. */
export const saveTeam = async (ctx: AppContext, actor: Agent, edit: TeamEdit): Promise<Team> => {
  if (!canManagePeople(actor)) throw new DomainError('forbidden', 'Only an admin can change teams.');
  const { teams, categories } = await listTeams(ctx, actor);
  const problems = teamEditProblems(edit, { policyCategories: categories, teams });
  if (problems.length > 0) throw new DomainError('invalid_input', problems.join(' '), { problems });
  return ctx.store.teams.upsert({ workspaceId: ctx.workspace.id, ...edit });
};

/** What still points at a team: its open conversations, its people, the policy's routes to it. */
const teamUse = async (store: Store, workspaceId: string, key: string): Promise<TeamUse> => {
  const [open, people, current] = await Promise.all([
    store.queues.openByTeam(workspaceId),
    store.agents.list(workspaceId),
    store.policies.current(workspaceId),
  ]);
  const validation = current ? validatePolicy(current.document) : null;
  const policy = validation?.kind === 'valid' ? validation.policy : null;
  return {
    key,
    openConversations: open.get(key) ?? 0,
    members: people.filter((person) => person.active && person.teamKeys.includes(key)).map((p) => p.name),
    policy: {
      namesTeam: policy !== null && key in policy.teams,
      categories: policy
        ? Object.entries(policy.categories)
            .filter(([, category]) => category.team === key)
            .map(([name]) => name)
        : [],
    },
  };
};

/** Deletes a team nothing points at any more; 409 `team_in_use` naming what still does. */
export const deleteTeam = async (ctx: AppContext, actor: Agent, key: string): Promise<void> => {
  if (!canManagePeople(actor)) throw new DomainError('forbidden', 'Only an admin can delete teams.');
  await ctx.store.transaction(async (tx) => {
    const teams = await tx.teams.list(ctx.workspace.id);
    if (!teams.some((team) => team.key === key)) {
      throw new DomainError('not_found', `No team ${key} in this workspace. Pick one from the team list.`);
    }
    const problems = teamDeleteProblems(await teamUse(tx, ctx.workspace.id, key));
    if (problems.length > 0) throw new DomainError('team_in_use', problems.join(' '), { problems });
    await tx.teams.delete(ctx.workspace.id, key);
  });
};
