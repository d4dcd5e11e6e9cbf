export type { AssignableAgent, OpenCounts } from './choose-agent.ts';
export { chooseAgent } from './choose-agent.ts';
export type { QueuedConversation, SentBack } from './next-assignment.ts';
export { byQueueOrder, nextAssignment } from './next-assignment.ts';
