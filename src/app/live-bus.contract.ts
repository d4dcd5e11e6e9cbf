/** One contract every LiveBus passes (in-process, PostgreSQL NOTIFY). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveBus, LiveSignal } from './live-bus.ts';

export interface LiveBusFactory {
  /** A bus; `close` ends it. Two buses from one factory share their signals when `shared`. */
  open(): Promise<LiveBus & { close?: () => Promise<void> }>;
  readonly shared: boolean;
}

const signal = (conversationId: string, fields: Partial<LiveSignal> = {}): LiveSignal => ({
  workspaceId: 'w1',
  conversationId,
  messageIds: [],
  conversationChanged: false,
  typing: null,
  ...fields,
});

const heard = async (received: readonly LiveSignal[], count: number, timeoutMs = 3000) => {
  const deadline = Date.now() + timeoutMs;
  while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  // Give anything that should not arrive the chance to.
  await new Promise((r) => setTimeout(r, 100));
  return received;
};

/** Collects the signals of one conversation (tests share the bus). */
const collect = (bus: LiveBus, conversationId: string) => {
  const received: LiveSignal[] = [];
  const stop = bus.subscribe((s) => {
    if (s.conversationId === conversationId) received.push(s);
  });
  return { received, stop };
};

export const runLiveBusContract = (name: string, factory: LiveBusFactory, enabled = true) => {
  describe.skipIf(!enabled)(`live bus contract: ${name}`, () => {
    let bus: LiveBus & { close?: () => Promise<void> };
    let other: (LiveBus & { close?: () => Promise<void> }) | null = null;
    beforeAll(async () => {
      bus = await factory.open();
      if (factory.shared) other = await factory.open();
    });
    afterAll(async () => {
      await bus?.close?.();
      await other?.close?.();
    });

    it('delivers a signal to every subscriber', async () => {
      const first = collect(bus, 'a');
      const second = collect(bus, 'a');
      bus.publish(signal('a', { typing: 'ai' }));
      expect(await heard(first.received, 1)).toEqual([signal('a', { typing: 'ai' })]);
      expect(second.received).toEqual([signal('a', { typing: 'ai' })]);
      first.stop();
      second.stop();
    });

    it('merges the signals of one conversation published together into one', async () => {
      const { received, stop } = collect(bus, 'b');
      bus.publish(signal('b', { messageIds: ['m1'] }));
      bus.publish(signal('b', { conversationChanged: true }));
      bus.publish(signal('b', { messageIds: ['m2', 'm1'] }));
      expect(await heard(received, 1)).toEqual([
        signal('b', { messageIds: ['m1', 'm2'], conversationChanged: true }),
      ]);
      stop();
    });

    it('keeps changes published apart as separate signals, in order', async () => {
      const { received, stop } = collect(bus, 'c');
      bus.publish(signal('c', { messageIds: ['m1'] }));
      await new Promise((r) => setTimeout(r, 30));
      bus.publish(signal('c', { messageIds: ['m2'] }));
      expect((await heard(received, 2)).map((s) => s.messageIds)).toEqual([['m1'], ['m2']]);
      stop();
    });

    it('stops delivering after unsubscribe', async () => {
      const { received, stop } = collect(bus, 'd');
      stop();
      bus.publish(signal('d', { conversationChanged: true }));
      expect(await heard(received, 1, 200)).toEqual([]);
    });

    it('keeps delivering to others when one subscriber throws', async () => {
      const stopBad = bus.subscribe(() => {
        throw new Error('socket closed');
      });
      const { received, stop } = collect(bus, 'e');
      bus.publish(signal('e', { conversationChanged: true }));
      expect(await heard(received, 1)).toHaveLength(1);
      stopBad();
      stop();
    });

    it.skipIf(!factory.shared)('reaches subscribers in another process sharing the database', async () => {
      if (!other) throw new Error('no second bus');
      const { received, stop } = collect(other, 'f');
      bus.publish(signal('f', { messageIds: ['m1'], conversationChanged: true }));
      expect(await heard(received, 1)).toEqual([
        signal('f', { messageIds: ['m1'], conversationChanged: true }),
      ]);
      stop();
    });
  });
};
