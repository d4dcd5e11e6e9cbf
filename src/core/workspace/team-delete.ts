/**
 * Whether a team may be deleted (issue 10): not while anything still points at it — open
 * conversations in its queue, people who are members, or the policy routing a category or a
 * handoff to it — because a handoff would then land in a queue nobody sees. The refusal names
 * each thing and what to do about it, so an admin can clear them and try again.
 */
export interface TeamUse {
  readonly key: string;
  /** Conversations with the team that are not resolved. */
  readonly openConversations: number;
  /** Names of active people on the team. */
  readonly members: readonly string[];
  /** The policy names the team, or routes categories to it (their names). */
  readonly policy: { readonly namesTeam: boolean; readonly categories: readonly string[] };
}

const listed = (names: readonly string[]): string =>
  names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;

/** Every reason the team cannot go yet; empty when it may be deleted. */
export const teamDeleteProblems = (use: TeamUse): string[] => {
  const problems: string[] = [];
  if (use.openConversations > 0) {
    problems.push(
      `${use.openConversations} open conversation${use.openConversations === 1 ? ' is' : 's are'} with team ${use.key}: resolve or reassign them first.`,
    );
  }
  if (use.members.length > 0) {
    problems.push(
      `People are on team ${use.key} (${listed(use.members)}): move them to other teams on the people page.`,
    );
  }
  if (use.policy.categories.length > 0) {
    problems.push(
      `The policy routes ${listed(use.policy.categories)} to team ${use.key}: route them elsewhere in the ops console.`,
    );
  } else if (use.policy.namesTeam) {
    problems.push(`The policy still names team ${use.key}: remove it there in the ops console.`);
  }
  return problems;
};
