import { Command } from 'commander';
import { registerBacktestCommand } from './commands/backtest.ts';
import { registerErlangCommand } from './commands/erlang.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerLintHandoffCommand } from './commands/lint-handoff.ts';
import { registerMetricsCommand } from './commands/metrics.ts';
import { registerPlanCommand } from './commands/plan.ts';
import { registerPolicyCommand } from './commands/policy.ts';
import { registerReplayCommand } from './commands/replay.ts';
import { registerReportCommand } from './commands/report.ts';
import { registerSetupCommand } from './commands/setup.ts';
import { registerSimulateCommand } from './commands/simulate.ts';
import { registerStartCommand } from './commands/start.ts';
import { registerTriageCommand } from './commands/triage.ts';

/** Builds the `baton` command line. Each command lives in its own file under ./commands. */
export const buildProgram = (): Command => {
  const program = new Command('baton')
    .description(
      'Baton: the AI answers what it safely can and hands the rest to a person with the whole context.',
    )
    .showHelpAfterError();
  registerStartCommand(program);
  registerErlangCommand(program);
  registerImportCommand(program);
  registerLintHandoffCommand(program);
  registerPlanCommand(program);
  registerTriageCommand(program);
  registerBacktestCommand(program);
  registerPolicyCommand(program);
  registerMetricsCommand(program);
  registerReplayCommand(program);
  registerSimulateCommand(program);
  registerReportCommand(program);
  registerSetupCommand(program);
  return program;
};

export const main = async (argv: readonly string[]): Promise<void> => {
  await buildProgram().parseAsync([...argv], { from: 'user' });
};
