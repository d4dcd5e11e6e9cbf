/** The teams a policy names, each with the categories the policy routes to it (SPEC §5). */
import type { BusinessHours } from '../model.ts';
import type { EscalationPolicy } from '../triage/policy/policy-schema.ts';

export interface PolicyTeam {
  readonly key: string;
  readonly name: string;
  readonly categories: readonly string[];
  readonly businessHours: BusinessHours | null;
}

/** A new workspace starts with these teams, so every handoff the policy makes has a queue to land in. */
export const teamsOfPolicy = (policy: EscalationPolicy): readonly PolicyTeam[] =>
  Object.entries(policy.teams).map(([key, team]) => ({
    key,
    name: team.name,
    categories: Object.entries(policy.categories)
      .filter(([, category]) => category.team === key)
      .map(([name]) => name),
    businessHours: team.businessHours,
  }));
