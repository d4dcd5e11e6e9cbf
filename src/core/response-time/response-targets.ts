/**
 * Response targets per team (issue 15): how many minutes a person may take for the first reply
 * after a handoff and for each next reply after the customer writes again. Teams without their own
 * targets use the defaults.
 */

export interface ResponseTargets {
  readonly firstResponseMinutes: number;
  readonly nextResponseMinutes: number;
}

/** What a team gets until ops set its own: an hour for the first reply, two for each next one. */
export const DEFAULT_RESPONSE_TARGETS: ResponseTargets = {
  firstResponseMinutes: 60,
  nextResponseMinutes: 120,
};

/** A week: a longer target is no target a queue can be worked by. */
export const MAX_TARGET_MINUTES = 7 * 24 * 60;

/** The targets of every team that has its own, keyed by team key. */
export type TeamResponseTargets = Readonly<Record<string, ResponseTargets>>;

/** The targets that apply to a conversation of `teamKey` (the defaults for no team or none set). */
export const targetsFor = (all: TeamResponseTargets, teamKey: string | null): ResponseTargets =>
  (teamKey !== null && Object.hasOwn(all, teamKey) ? all[teamKey] : undefined) ?? DEFAULT_RESPONSE_TARGETS;

const minutesProblem = (label: string, value: number): string | null => {
  if (!Number.isInteger(value) || value < 1) return `${label} must be a whole number of minutes, at least 1.`;
  if (value > MAX_TARGET_MINUTES) return `${label} must be at most ${MAX_TARGET_MINUTES} minutes (a week).`;
  return null;
};

/** Every problem with a team's targets, each saying what to change; empty when they may be saved. */
export const responseTargetProblems = (targets: ResponseTargets): string[] =>
  [
    minutesProblem('The first-reply target', targets.firstResponseMinutes),
    minutesProblem('The next-reply target', targets.nextResponseMinutes),
  ].filter((problem): problem is string => problem !== null);
