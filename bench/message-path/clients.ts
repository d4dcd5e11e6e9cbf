/**
 * Where the benchmark's customers run: in the server's own process (`inline`, the earlier
 * measurements) or in a child process (`process`, the default) so the server's CPU goes to the
 * message path alone. Before `run()` starts the clock, both warm the server up: `warmupRounds`
 * rounds of as many throwaway customers each asking a whole conversation's questions (so the
 * server's code is compiled and optimised, as in a server that has been running for a while),
 * then one answer per measured customer.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { closedLoop, openCustomer, openLoop } from './customers.ts';

export interface Clients {
  /** Runs the loop; the latencies of the answers that came, the loop's seconds, the customers' CPU (separate process only). */
  run(): Promise<{ latencies: number[]; seconds: number; cpuMs: number | null }>;
  close(): void;
}

interface Load {
  readonly url: string;
  readonly customers: number;
  readonly messages: number;
  readonly rate: number | null;
  readonly warmupRounds: number;
}

/** Questions per throwaway conversation in a warm-up round (fewer than a repeat would escalate). */
const WARMUP_QUESTIONS = 5;

export const inlineClients = async (load: Load): Promise<Clients> => {
  for (let round = 0; round < load.warmupRounds; round += 1) {
    const throwaway = await Promise.all(Array.from({ length: load.customers }, () => openCustomer(load.url)));
    await closedLoop(throwaway, WARMUP_QUESTIONS, []);
    for (const c of throwaway) c.close();
  }
  const customers = await Promise.all(Array.from({ length: load.customers }, () => openCustomer(load.url)));
  await Promise.all(customers.map((c) => c.ask()));
  return {
    async run() {
      const latencies: number[] = [];
      const t0 = performance.now();
      if (load.rate === null) await closedLoop(customers, load.messages, latencies);
      else await openLoop(customers, load.messages, load.rate, latencies);
      return { latencies, seconds: (performance.now() - t0) / 1000, cpuMs: null };
    },
    close: () => {
      for (const c of customers) c.close();
    },
  };
};

const script = join(dirname(fileURLToPath(import.meta.url)), 'client-process.ts');

export const processClients = async (load: Load): Promise<Clients> => {
  const args = [load.url, String(load.customers), String(load.messages), String(load.warmupRounds)];
  if (load.rate !== null) args.push(String(load.rate));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the client process exited (${code})`));
      child.once('exit', onExit);
      lines.once('line', (line) => {
        child.off('exit', onExit);
        resolve(JSON.parse(line) as Record<string, unknown>);
      });
    });
  await next();
  return {
    async run() {
      const done = next();
      child.stdin.write('go\n');
      const result = await done;
      return {
        latencies: result.latencies as number[],
        seconds: Number(result.seconds),
        cpuMs: typeof result.cpuMs === 'number' ? result.cpuMs : null,
      };
    },
    close: () => child.kill(),
  };
};
