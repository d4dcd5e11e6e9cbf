/** One contract every LiveBus passes (in-process, PostgreSQL NOTIFY). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveUpdate } from '../api/schemas.ts';
import type { LiveBus } from './live-bus.ts';

export interface LiveBusFactory {
  /** A bus; `close` ends it. Two buses from one factory share their updates when `shared`. */
  open(): Promise<LiveBus & { close?: () => Promise<void> }>;
  readonly shared: boolean;
}

const typing = (conversationId: string): LiveUpdate => ({ type: 'typing', conversationId, author: 'ai' });

const heard = async (received: readonly LiveUpdate[], count: number, timeoutMs = 3000) => {
  const deadline = Date.now() + timeoutMs;
  while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return received;
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

    it('delivers an update to the subscribers of its topic and nobody else', async () => {
      const mine: LiveUpdate[] = [];
      const theirs: LiveUpdate[] = [];
      const stopMine = bus.subscribe('conversation:a', (u) => mine.push(u));
      const stopTheirs = bus.subscribe('conversation:b', (u) => theirs.push(u));
      bus.publish('conversation:a', typing('a'));
      expect(await heard(mine, 1)).toEqual([typing('a')]);
      await new Promise((r) => setTimeout(r, 100));
      expect(theirs).toEqual([]);
      stopMine();
      stopTheirs();
    });

    it('stops delivering after unsubscribe', async () => {
      const received: LiveUpdate[] = [];
      const stop = bus.subscribe('conversation:c', (u) => received.push(u));
      stop();
      bus.publish('conversation:c', typing('c'));
      await new Promise((r) => setTimeout(r, 150));
      expect(received).toEqual([]);
    });

    it('keeps delivering to others when one subscriber throws', async () => {
      const received: LiveUpdate[] = [];
      const stopBad = bus.subscribe('conversation:d', () => {
        throw new Error('socket closed');
      });
      const stopGood = bus.subscribe('conversation:d', (u) => received.push(u));
      bus.publish('conversation:d', typing('d'));
      expect(await heard(received, 1)).toHaveLength(1);
      stopBad();
      stopGood();
    });

    it.skipIf(!factory.shared)('reaches subscribers in another process sharing the database', async () => {
      const received: LiveUpdate[] = [];
      const stop = other?.subscribe('conversation:e', (u) => received.push(u));
      bus.publish('conversation:e', typing('e'));
      expect(await heard(received, 1)).toEqual([typing('e')]);
      stop?.();
    });
  });
};
