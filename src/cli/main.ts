import { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Each command lives in its own file under ./commands, loaded only when it may run: a command's
 * module brings what it needs (the store, the metrics, the planner, their schemas), and building
 * all of them on every start cost `baton triage` about a tenth of its start-up. Listed in the
 * order `baton --help` shows them, with the names each registers.
 */
const commands: readonly { readonly names: readonly string[]; readonly load: () => Promise<Register> }[] = [
  { names: ['start', 'demo'], load: async () => (await import('./commands/start.ts')).registerStartCommand },
  { names: ['erlang'], load: async () => (await import('./commands/erlang.ts')).registerErlangCommand },
  { names: ['import'], load: async () => (await import('./commands/import.ts')).registerImportCommand },
  {
    names: ['lint-handoff'],
    load: async () => (await import('./commands/lint-handoff.ts')).registerLintHandoffCommand,
  },
  { names: ['plan'], load: async () => (await import('./commands/plan.ts')).registerPlanCommand },
  { names: ['triage'], load: async () => (await import('./commands/triage.ts')).registerTriageCommand },
  { names: ['backtest'], load: async () => (await import('./commands/backtest.ts')).registerBacktestCommand },
  { names: ['policy'], load: async () => (await import('./commands/policy.ts')).registerPolicyCommand },
  { names: ['metrics'], load: async () => (await import('./commands/metrics.ts')).registerMetricsCommand },
  { names: ['replay'], load: async () => (await import('./commands/replay.ts')).registerReplayCommand },
  { names: ['simulate'], load: async () => (await import('./commands/simulate.ts')).registerSimulateCommand },
  { names: ['report'], load: async () => (await import('./commands/report.ts')).registerReportCommand },
  { names: ['setup'], load: async () => (await import('./commands/setup.ts')).registerSetupCommand },
];

/**
 * Builds the `baton` command line: with the command `argv` names, that command only; otherwise
 * (help, no command, a mistyped one) all of them, so help and "unknown command" list every one.
 */
export const buildProgram = async (argv: readonly string[] = []): Promise<Command> => {
  const program = new Command('baton')
    .description(
      'Baton: the AI answers what it safely can and hands the rest to a person with the whole context.',
    )
    .showHelpAfterError();
  const named = commands.filter((command) => argv[0] !== undefined && command.names.includes(argv[0]));
  for (const command of named.length > 0 ? named : commands) (await command.load())(program);
  return program;
};

export const main = async (argv: readonly string[]): Promise<void> => {
  await (await buildProgram(argv)).parseAsync([...argv], { from: 'user' });
};
