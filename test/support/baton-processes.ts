/** Starting and stopping Baton server processes (test/support/baton-process.ts) from a test. */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), 'baton-process.ts');

export interface BatonProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Ends it gracefully (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Ends it at once, mid-work (SIGKILL), and waits for it to exit. */
  kill(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

export const startBatonProcess = (databaseUrl: string, timeoutMs = 90_000): Promise<BatonProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, BATON_PROCESS_DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the Baton process did not start in time:\n${output}`));
    }, timeoutMs);
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
      // Once it runs, what it reports goes to the test's own output, where a failure is read.
      if (ready) process.stderr.write(`[baton ${child.pid}] ${chunk}`);
    });
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      const found = /READY (\S+)/.exec(output);
      if (ready || !found?.[1]) return;
      clearTimeout(timer);
      ready = true;
      const url = found[1];
      resolve({
        url,
        child,
        async stop() {
          child.kill('SIGTERM');
          await exited(child);
        },
        async kill() {
          child.kill('SIGKILL');
          await exited(child);
        },
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Baton process exited (${code}) before it was ready:\n${output}`));
    });
  });
