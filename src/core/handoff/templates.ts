/**
 * Handoff wording as data (SPEC §6): one message layout, a sentence per reason, wait phrases and
 * per-team overrides, all with `{placeholder}`s that the composer fills from the packet only.
 */
import type { ReasonCode } from './reasons.ts';

/** How the expectation part reads for each kind of wait estimate. */
export interface WaitPhrases {
  /** `{wait}` is the rounded estimate in words ("about 5 minutes"). */
  readonly estimate: string;
  readonly immediate: string;
  /** `{backAt}` is when the team is back ("on Monday at 09:00 (Europe/Berlin time)"). */
  readonly closed: string;
  readonly unstaffed: string;
  readonly unknown: string;
}

export interface HandoffTemplateSet {
  /** The whole message; placeholders: question, lookups, articles, reasons, team, expectation. */
  readonly message: string;
  /** Why the AI could not finish, one plain sentence per reason; placeholders: team, need, category. */
  readonly reasons: Readonly<Record<ReasonCode, string>>;
  readonly wait: WaitPhrases;
  /** What a category needs from a person ("a billing investigation"); `default` for the rest. */
  readonly needs: Readonly<Record<string, string>>;
}

export interface TeamTemplateOverride {
  readonly message?: string;
  readonly reasons?: Partial<Record<ReasonCode, string>>;
  readonly wait?: Partial<WaitPhrases>;
  readonly needs?: Readonly<Record<string, string>>;
}

export interface HandoffTemplates extends HandoffTemplateSet {
  /** Overrides keyed by team key. */
  readonly teams: Readonly<Record<string, TeamTemplateOverride>>;
}

/** What ops may pass to replace parts of the shipped templates. */
export interface HandoffTemplatesOverride extends TeamTemplateOverride {
  readonly teams?: Readonly<Record<string, TeamTemplateOverride>>;
}

const mergeSet = (base: HandoffTemplateSet, over: TeamTemplateOverride | undefined): HandoffTemplateSet =>
  over
    ? {
        message: over.message ?? base.message,
        reasons: { ...base.reasons, ...over.reasons },
        wait: { ...base.wait, ...over.wait },
        needs: { ...base.needs, ...over.needs },
      }
    : base;

/** Stands for "no override" as a key of `resolvedSets`. */
const noOverride: HandoffTemplatesOverride = {};

/**
 * Resolved sets by shipped templates, override and team: every handoff to a team would merge the
 * same objects again. Keyed by the objects themselves, so an edited override (a new object)
 * resolves anew and a dropped one is forgotten.
 */
const resolvedSets = new WeakMap<
  HandoffTemplates,
  WeakMap<HandoffTemplatesOverride, Map<string, HandoffTemplateSet>>
>();

const mergeForTeam = (
  defaults: HandoffTemplates,
  override: HandoffTemplatesOverride | undefined,
  teamKey: string,
): HandoffTemplateSet => {
  const workspace = mergeSet(defaults, override);
  const withShippedTeam = mergeSet(workspace, defaults.teams[teamKey]);
  return mergeSet(withShippedTeam, override?.teams?.[teamKey]);
};

/** The template set that applies to one team: shipped defaults, then ops overrides, then the team's own. */
export const resolveTemplates = (
  defaults: HandoffTemplates,
  override: HandoffTemplatesOverride | undefined,
  teamKey: string,
): HandoffTemplateSet => {
  let byOverride = resolvedSets.get(defaults);
  if (!byOverride) {
    byOverride = new WeakMap();
    resolvedSets.set(defaults, byOverride);
  }
  let byTeam = byOverride.get(override ?? noOverride);
  if (!byTeam) {
    byTeam = new Map();
    byOverride.set(override ?? noOverride, byTeam);
  }
  const known = byTeam.get(teamKey);
  if (known) return known;
  const resolved = mergeForTeam(defaults, override, teamKey);
  byTeam.set(teamKey, resolved);
  return resolved;
};
