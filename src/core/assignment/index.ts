export type { AssignableAgent, OpenCounts } from './choose-agent.ts';
export { chooseAgent } from './choose-agent.ts';
