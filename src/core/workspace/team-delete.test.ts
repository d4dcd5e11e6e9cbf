import { describe, expect, it } from 'vitest';
import { teamDeleteProblems } from './team-delete.ts';

const unused = {
  key: 'returns',
  openConversations: 0,
  members: [],
  policy: { namesTeam: false, categories: [] },
};

describe('teamDeleteProblems', () => {
  it('lets a team nothing points at go', () => {
    expect(teamDeleteProblems(unused)).toEqual([]);
  });

  it('names every thing that still points at the team and what to do about it', () => {
    const problems = teamDeleteProblems({
      key: 'returns',
      openConversations: 2,
      members: ['Ada', 'Bo', 'Cy', 'Di'],
      policy: { namesTeam: true, categories: ['refund'] },
    });
    expect(problems).toEqual([
      '2 open conversations are with team returns: resolve or reassign them first.',
      'People are on team returns (Ada, Bo, Cy and 1 more): move them to other teams on the people page.',
      'The policy routes refund to team returns: route them elsewhere in the ops console.',
    ]);
  });

  it('refuses while the policy names the team even with no category routed to it', () => {
    expect(teamDeleteProblems({ ...unused, policy: { namesTeam: true, categories: [] } })).toEqual([
      'The policy still names team returns: remove it there in the ops console.',
    ]);
  });
});
