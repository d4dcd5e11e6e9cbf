/** The claim-and-run loop: slots shared by claimed items and items leased with their own write. */
import { afterEach, describe, expect, it } from 'vitest';
import { startPollingWorker } from './polling-worker.ts';

/** A queue of named items and a worker over it; each run waits until the test finishes it. */
const harness = (slots: number) => {
  const queue: string[] = [];
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const claims: number[] = [];
  let draining = false;
  const worker = startPollingWorker<string>({
    pollMs: 60_000,
    slots: () => slots,
    claim: async (limit) => {
      claims.push(limit);
      return queue.splice(0, limit);
    },
    run: (item) =>
      new Promise<boolean>((resolve) => {
        started.push(item);
        if (draining) resolve(false);
        else finishers.set(item, () => resolve(false));
      }),
    reportError: (error) => {
      throw error;
    },
    during: 'test',
  });
  const finish = (item: string) => finishers.get(item)?.();
  /** Finishes what runs and whatever starts from now on, then stops the worker. */
  const stop = async () => {
    draining = true;
    for (const done of finishers.values()) done();
    await worker.stop();
  };
  return { queue, started, claims, worker, finish, stop };
};

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

let current: { stop(): Promise<void> } | null = null;
afterEach(async () => {
  await current?.stop();
  current = null;
});

describe('polling worker slots', () => {
  it('reserves a free slot for an item leased elsewhere, and claims only for the slots left', async () => {
    const h = harness(2);
    current = h;
    await settled();
    const slot = h.worker.reserve();
    expect(slot).not.toBeNull();
    slot?.run('leased');
    h.queue.push('a', 'b');
    h.worker.wake();
    await settled();
    expect(h.started).toEqual(['leased', 'a']);
    expect(h.claims.at(-1)).toBe(1);
    expect(h.worker.reserve()).toBeNull();
    h.finish('leased');
    h.finish('a');
  });

  it('gives a freed slot to the work queued while all were busy, not to a new leased item', async () => {
    const h = harness(1);
    current = h;
    await settled();
    h.worker.reserve()?.run('first');
    // Queued while the only slot is busy: the enqueuer wakes the worker, which has no room yet.
    h.queue.push('waiting');
    h.worker.wake();
    await settled();
    h.finish('first');
    await settled();
    expect(h.worker.reserve()).toBeNull();
    expect(h.started).toEqual(['first', 'waiting']);
    h.finish('waiting');
    await settled();
    // The queue came back short on the next look: slots may be reserved again.
    h.worker.wake();
    await settled();
    expect(h.worker.reserve()).not.toBeNull();
  });

  it('takes a released slot back, and refuses slots once stopped', async () => {
    const h = harness(1);
    current = h;
    await settled();
    const slot = h.worker.reserve();
    expect(h.worker.reserve()).toBeNull();
    slot?.release();
    slot?.release();
    const again = h.worker.reserve();
    expect(again).not.toBeNull();
    again?.release();
    await h.worker.stop();
    expect(h.worker.reserve()).toBeNull();
  });
});
