/** Running `baton triage` (and the parse-and-copy baseline) as whole processes for the benchmark. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
export const pinnedToOneCore = hasTaskset;

export interface ProcessCost {
  /** Wall seconds from spawn to exit. */
  readonly wall: number;
  /** User + system CPU seconds of the child (start-up, training, reading, writing). */
  readonly cpu: number;
}

/** Runs a Node script pinned to one core (when `taskset` exists) and measures it. */
const runNode = (args: readonly string[], echoStderr: boolean): ProcessCost => {
  const started = performance.now();
  const command = hasTaskset ? 'taskset' : process.execPath;
  const result = spawnSync(command, hasTaskset ? ['-c', '0', process.execPath, ...args] : [...args], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wall = (performance.now() - started) / 1000;
  if (echoStderr) process.stderr.write(result.stderr);
  if (result.status !== 0)
    throw new Error(`${args.join(' ')} exited with ${result.status}\n${result.stderr}`);
  const reported = /process CPU ([\d.]+) s/.exec(result.stderr)?.[1];
  return { wall, cpu: reported ? Number(reported) : Number.NaN };
};

/** `baton triage --in --out [...extra]` through bin/baton.js, as a user runs it. */
export const runTriageCli = (input: string, output: string, extra: readonly string[] = []): ProcessCost =>
  runNode(['bin/baton.js', 'triage', '--in', input, '--out', output, ...extra], true);

/** The floor any line-by-line tool pays: read each line, parse it, write it back (no triage). */
export const runParseCopyBaseline = (input: string, output: string): ProcessCost =>
  runNode(['bench/triage/parse-copy.mjs', input, output], false);

export const readJsonLines = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
