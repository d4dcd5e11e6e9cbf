/** Who may do what (SPEC §11), as small pure predicates. */
import type { Agent, AgentRole, Conversation } from '../model.ts';

const seesEveryTeam: ReadonlySet<AgentRole> = new Set(['specialist', 'ops', 'admin']);

/**
 * Whether an agent may read a conversation (its detail, its row in any inbox view, its live
 * updates). Agents see their own teams' conversations and those no team has yet; specialists, ops
 * and admins see every team's. One predicate, so REST and the live socket never disagree.
 */
export const canSeeConversation = (
  agent: Agent,
  conversation: Pick<Conversation, 'workspaceId' | 'teamKey'>,
): boolean =>
  agent.workspaceId === conversation.workspaceId &&
  (seesEveryTeam.has(agent.role) ||
    conversation.teamKey === null ||
    agent.teamKeys.includes(conversation.teamKey));

/** Agents work the conversations they may see (what they may do to them is decided per action). */
export const canWorkConversation = (agent: Agent, conversation: Conversation): boolean =>
  canSeeConversation(agent, conversation);

/** Whether the agent's inbox views may include every team's conversations. */
export const seesAllTeams = (agent: Agent): boolean => seesEveryTeam.has(agent.role);

/** The teams whose queues an agent sees. */
export const visibleTeamKeys = (agent: Agent, allTeamKeys: readonly string[]): readonly string[] =>
  seesEveryTeam.has(agent.role) ? allTeamKeys : allTeamKeys.filter((key) => agent.teamKeys.includes(key));

export const canChangePolicy = (agent: Agent): boolean => agent.role === 'ops' || agent.role === 'admin';

/** Taking a conversation another agent holds is a specialist's, ops' or admin's call (SPEC §1). */
export const canTakeOver = (agent: Pick<Agent, 'role'>): boolean => seesEveryTeam.has(agent.role);

/**
 * QA reviewers read conversations, judge the AI (verdicts, flags, categories) and leave internal
 * notes, but never speak to the customer or change who has a conversation (SPEC §1, §11).
 */
export const canReplyToCustomers = (agent: Pick<Agent, 'role'>): boolean => agent.role !== 'qa';

/** Tagging conversations sorts the desk's work: agents, specialists, ops and admins; QA read tags. */
export const canTagConversations = (agent: Pick<Agent, 'role'>): boolean => agent.role !== 'qa';

/** Reviewing AI answers (SPEC §8) is the qa role's job; ops and admins may review too. */
export const canReview = (agent: Pick<Agent, 'role'>): boolean =>
  agent.role === 'qa' || agent.role === 'ops' || agent.role === 'admin';

/** The SPEC §9 numbers are for those who run the desk and review it: ops, admins and QA. */
export const canReadMetrics = (agent: Pick<Agent, 'role'>): boolean =>
  agent.role === 'ops' || agent.role === 'admin' || agent.role === 'qa';

/** Inviting, changing and deactivating people, and resetting their passwords, is the admin's (SPEC §1). */
export const canManagePeople = (agent: Pick<Agent, 'role'>): boolean => agent.role === 'admin';

/** Where the desk's events are sent (outbound webhooks, issue 12): Knowledge & ops, and admins. */
export const canManageWebhooks = (agent: Pick<Agent, 'role'>): boolean =>
  agent.role === 'ops' || agent.role === 'admin';

/** Articles are Knowledge & ops' to write (SPEC §1); every staff role reads them. */
export const canEditKnowledge = (agent: Pick<Agent, 'role'>): boolean =>
  agent.role === 'ops' || agent.role === 'admin';
