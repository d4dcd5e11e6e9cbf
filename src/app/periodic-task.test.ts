import { describe, expect, it } from 'vitest';
import { startPeriodicTask } from './periodic-task.ts';

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 2));
};

describe('periodic task', () => {
  it('never overlaps its runs and stop waits for the run under way', async () => {
    let running = 0;
    let most = 0;
    let finished = 0;
    let release: () => void = () => {};
    const task = startPeriodicTask(
      1,
      async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        running -= 1;
        finished += 1;
      },
      () => {},
    );
    await until(() => running === 1);
    // Several ticks pass while the first run is held open.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(most).toBe(1);
    const stopped = task.stop();
    let stopResolved = false;
    void stopped.then(() => {
      stopResolved = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopResolved).toBe(false);
    release();
    await stopped;
    expect(finished).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finished).toBe(1);
  });

  it('reports a failed run and keeps running', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const task = startPeriodicTask(
      1,
      async () => {
        runs += 1;
        throw new Error(`run ${runs} failed`);
      },
      (error) => errors.push(error),
    );
    await until(() => runs >= 2);
    await task.stop();
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(String(errors[0])).toContain('failed');
  });
});
