export type { AssignableAgent, OpenCounts } from './choose-agent.ts';
export { chooseAgent } from './choose-agent.ts';
export type { CustomerValue, Priority, PriorityLevel } from './priority.ts';
export { categoryWeights, customerValueWeights, priorityFor, reasonWeights } from './priority.ts';
