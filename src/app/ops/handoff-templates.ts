/**
 * Handoff wording upkeep (SPEC §6): ops override the shipped templates per workspace and per team.
 * Every save is linted for the three parts of a handoff, for the workspace set and each team's set,
 * and refused with the problems when any part is missing; the live AI reads the current override.
 */
import {
  type HandoffTemplatesOverrideView,
  type HandoffTemplatesView,
  handoffTemplatesOverrideSchema,
  type TemplateProblemView,
} from '../../api/ops-schemas.ts';
import { canChangePolicy } from '../../core/auth/permissions.ts';
import { DomainError } from '../../core/errors.ts';
import {
  defaultHandoffTemplates,
  type HandoffTemplatesOverride,
  lintTemplateSet,
  resolveTemplates,
} from '../../core/handoff/index.ts';
import type { Agent } from '../../core/model.ts';
import type { Store } from '../../core/ports/store.ts';
import { authorNames } from './author-names.ts';

/** The workspace setting that holds the override. */
export const HANDOFF_TEMPLATES_KEY = 'handoff_templates';

/** No team has this key (keys are lower-case words), so it resolves the set every team starts from. */
const NO_TEAM = '';

const problemsOf = (override: HandoffTemplatesOverride, teamKey: string, prefix: string) =>
  lintTemplateSet(resolveTemplates(defaultHandoffTemplates, override, teamKey)).map(
    (problem): TemplateProblemView => ({
      where: `${prefix}${problem.where}`,
      missing: [...problem.result.missing],
      notes: [...problem.result.notes],
    }),
  );

/** Every lint problem of an override: the workspace-wide set, then each team's own set (new problems only). */
export const lintTemplatesOverride = (override: HandoffTemplatesOverride): TemplateProblemView[] => {
  const problems = problemsOf(override, NO_TEAM, '');
  const seen = new Set(problems.map((problem) => `${problem.where}|${problem.notes.join('|')}`));
  const teamKeys = new Set([
    ...Object.keys(defaultHandoffTemplates.teams),
    ...Object.keys(override.teams ?? {}),
  ]);
  for (const teamKey of [...teamKeys].sort()) {
    for (const problem of problemsOf(override, teamKey, '')) {
      if (seen.has(`${problem.where}|${problem.notes.join('|')}`)) continue;
      problems.push({ ...problem, where: `team ${teamKey}: ${problem.where}` });
    }
  }
  return problems;
};

/** The saved override, or undefined when there is none (or what is stored no longer validates). */
export const currentTemplatesOverride = async (
  store: Store,
  workspaceId: string,
): Promise<HandoffTemplatesOverride | undefined> => {
  const saved = await store.settings.current(workspaceId, HANDOFF_TEMPLATES_KEY);
  if (saved === null) return undefined;
  // Validated when saved; if a later Baton tightened the schema, fall back to the shipped wording.
  const parsed = handoffTemplatesOverrideSchema.safeParse(saved.value);
  return parsed.success ? parsed.data : undefined;
};

/** The shipped wording, the saved override and its history, for the ops console. */
export const handoffTemplatesView = async (store: Store, agent: Agent): Promise<HandoffTemplatesView> => {
  const [history, names, override] = await Promise.all([
    store.settings.list(agent.workspaceId, HANDOFF_TEMPLATES_KEY),
    authorNames(store, agent.workspaceId),
    currentTemplatesOverride(store, agent.workspaceId),
  ]);
  return {
    defaults: {
      ...defaultHandoffTemplates,
      reasons: { ...defaultHandoffTemplates.reasons },
      teams: { ...defaultHandoffTemplates.teams },
    },
    override: override ?? null,
    version: history[0]?.version ?? 0,
    history: history.map((entry) => ({
      version: entry.version,
      authorName: names(entry.author),
      note: entry.note,
      createdAt: entry.createdAt.toISOString(),
    })),
    canChange: canChangePolicy(agent),
  };
};

/** Saves the override as the next version when it passes the linter; otherwise refuses with every problem. */
export const publishTemplates = async (
  store: Store,
  agent: Agent,
  change: {
    readonly override: HandoffTemplatesOverrideView;
    readonly note: string;
    readonly basedOnVersion?: number | undefined;
  },
  now: Date,
): Promise<
  { kind: 'saved'; view: HandoffTemplatesView } | { kind: 'refused'; problems: TemplateProblemView[] }
> => {
  if (!canChangePolicy(agent)) {
    throw new DomainError('forbidden', 'Only ops and admins can change the handoff wording.');
  }
  const problems = lintTemplatesOverride(change.override);
  if (problems.length > 0) return { kind: 'refused', problems };
  await store.settings.publish({
    workspaceId: agent.workspaceId,
    key: HANDOFF_TEMPLATES_KEY,
    value: change.override,
    author: agent.id,
    note: change.note,
    at: now,
    ...(change.basedOnVersion === undefined ? {} : { ifCurrent: change.basedOnVersion }),
  });
  return { kind: 'saved', view: await handoffTemplatesView(store, agent) };
};
