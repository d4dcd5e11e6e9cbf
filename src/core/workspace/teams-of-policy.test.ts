import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../triage/policy/default-policy.ts';
import { teamsOfPolicy } from './teams-of-policy.ts';

describe('teamsOfPolicy', () => {
  it('gives every category of the policy to exactly the team the policy routes it to', () => {
    const policy = defaultPolicy();
    const teams = teamsOfPolicy(policy);
    expect(teams.map((t) => t.key).sort()).toEqual(Object.keys(policy.teams).sort());
    const owned = teams.flatMap((t) => t.categories.map((c) => [c, t.key] as const));
    expect(Object.fromEntries(owned)).toEqual(
      Object.fromEntries(Object.entries(policy.categories).map(([name, c]) => [name, c.team])),
    );
  });
  it('keeps each team name and hours', () => {
    const policy = defaultPolicy();
    for (const team of teamsOfPolicy(policy)) {
      expect(team.name).toBe(policy.teams[team.key]?.name);
      expect(team.businessHours).toEqual(policy.teams[team.key]?.businessHours);
    }
  });
});
