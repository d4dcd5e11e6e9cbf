// The planner's worker thread: loads the TypeScript task through tsx, as bin/baton.js does for the CLI.
import { register } from 'tsx/esm/api';

register();
const task = await import('./plan-task.ts');

export default task.computePlan;
