/**
 * Response targets per team (issue 15): each team's own targets are a versioned workspace setting
 * of their own (`response_targets:<team>`, with who and why), so two teams saved at once never
 * overwrite each other. Every staff role reads them; ops and admins change them.
 */
import type { ResponseTargetsListView, ResponseTargetsRequest } from '../api/response-target-schemas.ts';
import { canChangePolicy } from '../core/auth/permissions.ts';
import { DomainError } from '../core/errors.ts';
import type { Agent } from '../core/model.ts';
import type { Store } from '../core/ports/store.ts';
import {
  DEFAULT_RESPONSE_TARGETS,
  type ResponseTargets,
  responseTargetProblems,
  type TeamResponseTargets,
} from '../core/response-time/response-targets.ts';
import type { AppContext } from './context.ts';

const settingKey = (teamKey: string) => `response_targets:${teamKey}`;

const numberIn = (value: unknown, name: string): number => {
  const found = typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
  return typeof found === 'number' ? found : Number.NaN;
};

/** A stored version's targets, or null when they no longer pass the core's rule (read as none). */
const targetsOf = (value: unknown): ResponseTargets | null => {
  const targets = {
    firstResponseMinutes: numberIn(value, 'firstResponseMinutes'),
    nextResponseMinutes: numberIn(value, 'nextResponseMinutes'),
  };
  return responseTargetProblems(targets).length === 0 ? targets : null;
};

const readTeam = async (store: Store, workspaceId: string, teamKey: string) => {
  const current = await store.settings.current(workspaceId, settingKey(teamKey));
  const targets = current ? targetsOf(current.value) : null;
  return { targets, version: current?.version ?? 0 };
};

/** The targets of every team of the workspace that has its own. */
export const loadResponseTargets = async (
  store: Store,
  workspaceId: string,
): Promise<TeamResponseTargets> => {
  const teams = await store.teams.list(workspaceId);
  const read = await Promise.all(teams.map((team) => readTeam(store, workspaceId, team.key)));
  const own: Record<string, ResponseTargets> = {};
  teams.forEach((team, index) => {
    const targets = read[index]?.targets;
    if (targets) own[team.key] = targets;
  });
  return own;
};

/** Every team with the targets that apply to it, for any staff role. */
export const responseTargetsView = async (
  ctx: AppContext,
  agent: Agent,
): Promise<ResponseTargetsListView> => {
  const teams = await ctx.store.teams.list(ctx.workspace.id);
  const rows = await Promise.all(
    teams.map(async (team) => {
      const { targets, version } = await readTeam(ctx.store, ctx.workspace.id, team.key);
      return {
        teamKey: team.key,
        teamName: team.name,
        ...(targets ?? DEFAULT_RESPONSE_TARGETS),
        isDefault: targets === null,
        version: targets === null ? 0 : version,
      };
    }),
  );
  return { teams: rows, defaults: { ...DEFAULT_RESPONSE_TARGETS }, canEdit: canChangePolicy(agent) };
};

/** Publishes a team's next version of targets; refused whole, with every problem, when they do not fit. */
export const saveResponseTargets = async (
  ctx: AppContext,
  agent: Agent,
  teamKey: string,
  change: ResponseTargetsRequest,
): Promise<ResponseTargetsListView> => {
  if (!canChangePolicy(agent))
    throw new DomainError(
      'forbidden',
      'Only ops and admins change response targets; everyone can read them.',
    );
  const teams = await ctx.store.teams.list(ctx.workspace.id);
  if (!teams.some((team) => team.key === teamKey))
    throw new DomainError('not_found', `No team ${teamKey} in this workspace. Pick one from the team list.`);
  const targets: ResponseTargets = {
    firstResponseMinutes: change.firstResponseMinutes,
    nextResponseMinutes: change.nextResponseMinutes,
  };
  const problems = responseTargetProblems(targets);
  if (problems.length > 0) throw new DomainError('invalid_input', problems.join(' '), { problems });
  await ctx.store.settings.publish({
    workspaceId: ctx.workspace.id,
    key: settingKey(teamKey),
    value: targets,
    author: agent.id,
    note: change.note ?? '',
    at: ctx.now(),
  });
  return responseTargetsView(ctx, agent);
};
