/**
 * Teams (issue 10): admins create and edit teams (name, categories owned, business hours with time
 * zone and holidays); ops and admins read them. The core decides whether an edit fits the policy.
 */
import { canChangePolicy, canManagePeople } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import type { Agent, Team } from '../../core/model.ts';
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
