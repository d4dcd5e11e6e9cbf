/**
 * `baton simulate --days N --per-day M [--seed S] [--workspace SLUG]`: a realistic history (see
 * src/core/simulation) replayed through the store and the live turn engine into the configured
 * database, ending the day before yesterday so every quiet conversation has had its window.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { replayHistory } from '../../app/replay/replay-history.ts';
import type { Store } from '../../core/ports/store.ts';
import { historyStart, simulateHistory } from '../../core/simulation/simulate-history.ts';
import { loadCliConfig, openConfiguredStore } from '../configured-store.ts';
import { openReplayWorkspace } from '../replay-workspace.ts';

export interface SimulateRun {
  readonly store: Store;
  readonly days: number;
  readonly perDay: number;
  readonly seed: number;
  readonly now: Date;
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

/** Replays the simulated history into the demo workspace (created if missing); returns how many conversations. */
export const runSimulate = async (run: SimulateRun): Promise<number> => {
  const { desk } = await openReplayWorkspace(run.store);
  const history = simulateHistory({
    start: historyStart(run.now, run.days),
    days: run.days,
    perDay: run.perDay,
    seed: run.seed,
  });
  const bar =
    run.stderr.isTTY === true
      ? new cliProgress.SingleBar(
          {
            stream: run.stderr as NodeJS.WriteStream,
            format: 'simulate [{bar}] {value}/{total} conversations',
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(history.length, 0);
  const done = await replayHistory(desk, history, (count) => {
    bar?.update(count);
    if (!bar && count % 100 === 0) run.stderr.write(`simulate: ${count}/${history.length} conversations\n`);
  });
  bar?.stop();
  return done;
};

const positiveInteger = (name: string, value: string): number => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`${name} must be a whole number of at least 1`);
  return number;
};

export const registerSimulateCommand = (program: Command): void => {
  program
    .command('simulate')
    .description(
      'Simulate a realistic history of Acme conversations through the store and the AI (the demo workspace)',
    )
    .requiredOption('--days <n>', 'days of history, ending the day before yesterday')
    .requiredOption('--per-day <n>', 'conversations on an average day')
    .option('--seed <n>', 'the same seed gives the same history', '1')
    .action(async (options: { days: string; perDay: string; seed: string }) => {
      let request: { days: number; perDay: number; seed: number };
      try {
        request = {
          days: positiveInteger('--days', options.days),
          perDay: positiveInteger('--per-day', options.perDay),
          seed: positiveInteger('--seed', options.seed),
        };
      } catch (error) {
        process.stderr.write(`baton simulate: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
        return;
      }
      const store = await openConfiguredStore(await loadCliConfig());
      try {
        const started = performance.now();
        const done = await runSimulate({ store, ...request, now: new Date(), stderr: process.stderr });
        const seconds = (performance.now() - started) / 1000;
        process.stderr.write(`simulate: ${done} conversations in ${seconds.toFixed(1)} s\n`);
      } finally {
        await store.close();
      }
    });
};
