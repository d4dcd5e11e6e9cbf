import type { Command } from 'commander';

/** `baton plan`: placeholder until the planner lands (same session). */
export const registerPlanCommand = (program: Command): void => {
  program.command('plan').description('Team plan before and after automation (in progress)');
};
