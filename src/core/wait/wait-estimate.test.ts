import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../model.ts';
import { estimateWait, type LiveQueueSnapshot, predictWaitMinutes } from './wait-estimate.ts';

const now = new Date('2025-03-05T10:00:00Z');
const live = (overrides: Partial<LiveQueueSnapshot> = {}): LiveQueueSnapshot => ({
  waitingAhead: 0,
  agentsOnShift: 3,
  concurrency: 1,
  freeSlots: 0,
  recentHandleMinutes: 6,
  ...overrides,
});
const weekdays: BusinessHours = { timeZone: 'Europe/Berlin', days: { '1': ['09:00', '17:00'] } };

describe('estimateWait', () => {
  it('is immediate when an agent has a free chat slot', () => {
    expect(estimateWait({ queue: live({ freeSlots: 1 }), businessHours: null, now })).toMatchObject({
      kind: 'immediate',
      minutes: 0,
    });
  });

  it('waits for (position + 1) completions at busy slots ÷ handle time', () => {
    // 4 ahead, 3 agents × 2 chats, 12 minutes per chat: 5 completions at 0.5 per minute.
    const estimate = estimateWait({
      queue: live({ waitingAhead: 4, concurrency: 2, recentHandleMinutes: 12 }),
      businessHours: null,
      now,
    });
    expect(estimate).toMatchObject({ kind: 'estimate', method: 'queue_length', rawMinutes: 10, minutes: 10 });
  });

  it('lets the people ahead take the free slots first', () => {
    const prediction = predictWaitMinutes(live({ waitingAhead: 3, freeSlots: 2, recentHandleMinutes: 6 }));
    expect(prediction?.minutes).toBeCloseTo(4);
  });

  it('uses measured completions when there is no handle time', () => {
    const prediction = predictWaitMinutes(
      live({ waitingAhead: 2, recentHandleMinutes: null, recentCompletionsPerMinute: 0.5 }),
    );
    expect(prediction).toEqual({ minutes: 6, method: 'queue_length' });
  });

  it('uses the Erlang C model given the empty queue when occupancy is unknown but arrivals are known', () => {
    // Two slots offered 1.6 Erlangs: P(both busy | queue empty) = (1.6²/2) ÷ (1 + 1.6 + 1.6²/2) = 1.28 ÷ 3.88.
    const prediction = predictWaitMinutes(
      live({ freeSlots: null, agentsOnShift: 2, arrivalsPerMinute: 1.6 / 6, recentHandleMinutes: 6 }),
    );
    expect(prediction?.method).toBe('erlang_c');
    expect(prediction?.minutes).toBeCloseTo(((1.28 / 3.88) * 6) / 2, 9);
  });

  it('stays below one completion time even when arrivals exceed capacity, because the queue is seen empty', () => {
    const prediction = predictWaitMinutes(
      live({ freeSlots: null, agentsOnShift: 2, arrivalsPerMinute: 1, recentHandleMinutes: 6 }),
    );
    // 6 Erlangs on 2 slots: P(both busy | queue empty) = 18 ÷ 25.
    expect(prediction?.minutes).toBeCloseTo((18 / 25) * 3, 9);
    expect(prediction?.minutes).toBeLessThan(3);
  });

  it('says when the team is back, with no number, when nobody is on shift out of hours', () => {
    const estimate = estimateWait({
      queue: live({ agentsOnShift: 0 }),
      businessHours: weekdays,
      now: new Date('2025-03-05T10:00:00Z'),
    });
    expect(estimate).toEqual({
      kind: 'closed',
      backAt: '2025-03-10T08:00:00.000Z',
      backAtWords: 'on Monday at 09:00 (Europe/Berlin time)',
      timeZone: 'Europe/Berlin',
    });
  });

  it('says unstaffed when nobody is on shift inside hours or without hours', () => {
    expect(estimateWait({ queue: live({ agentsOnShift: 0 }), businessHours: null, now }).kind).toBe(
      'unstaffed',
    );
    const mondayMorning = new Date('2025-03-10T09:00:00Z');
    expect(
      estimateWait({ queue: live({ agentsOnShift: 0 }), businessHours: weekdays, now: mondayMorning }).kind,
    ).toBe('unstaffed');
  });

  it('still estimates when agents are on shift outside business hours', () => {
    const sunday = new Date('2025-03-09T10:00:00Z');
    expect(
      estimateWait({ queue: live({ waitingAhead: 1 }), businessHours: weekdays, now: sunday }).kind,
    ).toBe('estimate');
  });

  it('admits it cannot estimate without handle times or completions', () => {
    expect(
      estimateWait({ queue: live({ waitingAhead: 2, recentHandleMinutes: null }), businessHours: null, now })
        .kind,
    ).toBe('unknown');
  });

  it('reads the triage shape: people waiting means everyone is busy', () => {
    const estimate = estimateWait({
      queue: { waiting: 4, agentsAvailable: 2, avgHandleMinutes: 6 },
      businessHours: null,
      now,
    });
    expect(estimate).toMatchObject({ kind: 'estimate', rawMinutes: 15, minutes: 15 });
    expect(
      estimateWait({
        queue: { waiting: 0, agentsAvailable: 2, avgHandleMinutes: 6 },
        businessHours: null,
        now,
      }).kind,
    ).toBe('immediate');
  });
});
