/** Who may do what (SPEC §11), as small pure predicates. */
import type { Agent, AgentRole, Conversation } from '../model.ts';

const seesEveryTeam: ReadonlySet<AgentRole> = new Set(['specialist', 'ops', 'admin']);

/** Agents work their own teams' conversations; specialists, ops and admins work every team's. */
export const canWorkConversation = (agent: Agent, conversation: Conversation): boolean =>
  agent.workspaceId === conversation.workspaceId &&
  (seesEveryTeam.has(agent.role) ||
    conversation.teamKey === null ||
    agent.teamKeys.includes(conversation.teamKey));

/** The teams whose queues an agent sees. */
export const visibleTeamKeys = (agent: Agent, allTeamKeys: readonly string[]): readonly string[] =>
  seesEveryTeam.has(agent.role) ? allTeamKeys : allTeamKeys.filter((key) => agent.teamKeys.includes(key));

export const canChangePolicy = (agent: Agent): boolean => agent.role === 'ops' || agent.role === 'admin';

/** Taking a conversation another agent holds is a specialist's, ops' or admin's call (SPEC §1). */
export const canTakeOver = (agent: Agent): boolean => seesEveryTeam.has(agent.role);

/** Inviting, changing and deactivating people, and resetting their passwords, is the admin's (SPEC §1). */
export const canManagePeople = (agent: Agent): boolean => agent.role === 'admin';
