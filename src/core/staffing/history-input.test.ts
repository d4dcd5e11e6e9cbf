import { describe, expect, it } from 'vitest';
import { defaultPlanInput } from './default-plan.ts';
import { type ConversationRecord, hourOfWeek, planInputFromHistory } from './history-input.ts';
import { parsePlanInput, planStaffing } from './plan.ts';

// Monday 2024-06-03 00:00 UTC + 28 days: the window is exactly four weeks, Mondays first.
const now = new Date('2024-07-01T00:00:00Z');
const base = parsePlanInput(defaultPlanInput());
const hours = (h: number) => new Date(now.getTime() - h * 3600_000);

const record = (change: Partial<ConversationRecord> = {}): ConversationRecord => ({
  category: 'billing',
  channel: 'chat',
  startedAt: hours(24),
  resolution: null,
  handleMinutes: null,
  ...change,
});
const times = (n: number, make: (i: number) => ConversationRecord): ConversationRecord[] =>
  Array.from({ length: n }, (_, i) => make(i));
const humanResolved = (minutes: number, category = 'billing') =>
  record({ category, resolution: 'human', handleMinutes: minutes });
const baseCategory = (id: string) => base.categories.find((c) => c.id === id);
const evidenceOf = (result: ReturnType<typeof planInputFromHistory>, id: string) =>
  result.evidence.find((e) => e.category === id);
const volume = (result: ReturnType<typeof planInputFromHistory>, category: string, channel: string) =>
  result.input.volume.find((v) => v.category === category && v.channel === channel)?.perWeek;

describe('planner inputs from recorded history', () => {
  it('scales the conversations in the window to a weekly volume per category and channel', () => {
    const records = [...times(84, () => record()), ...times(28, () => record({ category: 'refund' }))];
    const result = planInputFromHistory(records, base, { now, days: 28 });
    expect(result.window.weeks).toBe(4);
    expect(volume(result, 'billing', 'chat')).toBe(21);
    expect(volume(result, 'refund', 'chat')).toBe(7);
    expect(volume(result, 'shipping', 'chat')).toBe(0);
    expect(evidenceOf(result, 'billing')?.conversations).toBe(84);
    expect(evidenceOf(result, 'billing')?.usedDefaultFor).not.toContain('volume');
  });

  it('sets channels Baton recorded nothing on to zero and names them', () => {
    const result = planInputFromHistory(
      times(7, () => record()),
      base,
      { now, days: 7 },
    );
    expect(volume(result, 'billing', 'email')).toBe(0);
    expect(result.channelsNotRecorded).toEqual(['email']);
  });

  it('leaves out conversations that started before the window', () => {
    const records = [record(), record({ startedAt: hours(24 * 30) })];
    const result = planInputFromHistory(records, base, { now, days: 28 });
    expect(result.conversations).toBe(1);
    expect(evidenceOf(result, 'billing')?.conversations).toBe(1);
  });

  it('shortens the window to when recording began, but never below one day', () => {
    const records = times(14, () => record({ startedAt: hours(2) }));
    const twoDays = planInputFromHistory(records, base, { now, days: 28, recordedSince: hours(48) });
    expect(twoDays.window.days).toBeCloseTo(2);
    expect(volume(twoDays, 'billing', 'chat')).toBeCloseTo(49);
    const minutesOld = planInputFromHistory(records, base, { now, days: 28, recordedSince: hours(0.1) });
    expect(minutesOld.window.days).toBe(1);
    expect(volume(minutesOld, 'billing', 'chat')).toBeCloseTo(98);
  });

  it('takes the median human handle time once there are enough samples', () => {
    const minutes = [3, 4, 5, 6, 7, 8, 9, 10, 11, 60];
    const result = planInputFromHistory(
      minutes.map((m) => humanResolved(m)),
      base,
      { now, days: 28, minHandleSamples: 10 },
    );
    expect(result.input.categories.find((c) => c.id === 'billing')?.handleMinutes).toBe(7.5);
    expect(evidenceOf(result, 'billing')?.handleSamples).toBe(10);
    expect(evidenceOf(result, 'billing')?.usedDefaultFor).not.toContain('handleMinutes');
  });

  it('keeps the default handle time and flags it below the minimum sample size', () => {
    const result = planInputFromHistory(
      times(9, () => humanResolved(2)),
      base,
      { now, days: 28, minHandleSamples: 10 },
    );
    const billing = result.input.categories.find((c) => c.id === 'billing');
    expect(billing?.handleMinutes).toBe(baseCategory('billing')?.handleMinutes);
    expect(evidenceOf(result, 'billing')?.handleSamples).toBe(9);
    expect(evidenceOf(result, 'billing')?.usedDefaultFor).toContain('handleMinutes');
  });

  it('measures AI resolution as AI-resolved over resolved, leaving out abandoned and open conversations', () => {
    const records = [
      ...times(6, () => record({ resolution: 'ai' })),
      ...times(4, () => humanResolved(5)),
      ...times(5, () => record({ resolution: 'abandoned' })),
      ...times(3, () => record()),
    ];
    const result = planInputFromHistory(records, base, { now, days: 28, minResolvedSamples: 10 });
    expect(result.input.categories.find((c) => c.id === 'billing')?.aiResolutionShare).toBeCloseTo(0.6);
    expect(evidenceOf(result, 'billing')).toMatchObject({
      conversations: 18,
      aiResolved: 6,
      humanResolved: 4,
      abandoned: 5,
    });
  });

  it('keeps the default AI share when too few conversations were resolved', () => {
    const result = planInputFromHistory(
      times(3, () => record({ resolution: 'ai' })),
      base,
      { now, days: 28, minResolvedSamples: 10 },
    );
    expect(result.input.categories.find((c) => c.id === 'billing')?.aiResolutionShare).toBe(
      baseCategory('billing')?.aiResolutionShare,
    );
    expect(evidenceOf(result, 'billing')?.usedDefaultFor).toContain('aiResolutionShare');
  });

  it('spreads uncategorised conversations over the categories in proportion and counts them apart', () => {
    const records = [
      ...times(3, () => record()),
      record({ category: 'refund' }),
      ...times(4, () => record({ category: null })),
    ];
    const result = planInputFromHistory(records, base, { now, days: 7 });
    expect(result.uncategorised).toBe(4);
    expect(volume(result, 'billing', 'chat')).toBe(6);
    expect(volume(result, 'refund', 'chat')).toBe(2);
    expect(evidenceOf(result, 'billing')?.conversations).toBe(3);
  });

  it('adds a category the history has and the base lacks, with defaults flagged until measured', () => {
    const result = planInputFromHistory(
      times(5, () => record({ category: 'returns' })),
      base,
      {
        now,
        days: 7,
      },
    );
    const returns = result.input.categories.find((c) => c.id === 'returns');
    expect(returns?.handleMinutes).toBeGreaterThan(0);
    expect(volume(result, 'returns', 'chat')).toBe(5);
    expect(evidenceOf(result, 'returns')?.usedDefaultFor).toEqual(['handleMinutes', 'aiResolutionShare']);
    expect(() => planStaffing(result.input)).not.toThrow();
  });

  it('returns the base input with every category flagged as default when there is no history', () => {
    const result = planInputFromHistory([], base, { now, days: 28 });
    expect(result.input.volume).toEqual(base.volume);
    expect(result.input.categories).toEqual(base.categories);
    expect(result.intraday).toBe('default');
    expect(result.evidence).toHaveLength(base.categories.length);
    for (const e of result.evidence) {
      expect(e.usedDefaultFor).toEqual(['volume', 'handleMinutes', 'aiResolutionShare']);
    }
  });

  it('keeps the base intraday profile until there are enough conversations for one', () => {
    const few = planInputFromHistory(
      times(20, () => record()),
      base,
      { now, days: 28 },
    );
    expect(few.intraday).toBe('default');
    expect(few.input.intraday).toEqual(base.intraday);
  });

  it('reads a day and hour profile in the workspace time zone, as arrivals per hour of the window', () => {
    // Every conversation at 10:00 in Paris (08:00 UTC in June) on Tuesdays of the window.
    const tuesdays10 = times(160, (i) =>
      record({ startedAt: new Date(Date.UTC(2024, 5, 4 + 7 * (i % 4), 8, i % 60)) }),
    );
    const result = planInputFromHistory(tuesdays10, base, {
      now,
      days: 28,
      timeZone: 'Europe/Paris',
      minDayHourConversations: 150,
    });
    expect(result.intraday).toBe('dayAndHour');
    const profile = result.input.intraday;
    if (profile.kind !== 'dayAndHour') throw new Error('expected a day and hour profile');
    expect(profile.dayShares.map((s) => s > 0)).toEqual([false, true, false, false, false, false, false]);
    expect(profile.hourShares.findIndex((s) => s > 0)).toBe(10);
  });

  it('reads a full 168-hour profile once there are enough conversations', () => {
    const records = times(1_000, (i) => record({ startedAt: hours(1 + (i % 168)) }));
    const result = planInputFromHistory(records, base, { now, days: 28, minHourlyConversations: 1_000 });
    expect(result.intraday).toBe('hourly');
    const profile = result.input.intraday;
    if (profile.kind !== 'hourly') throw new Error('expected an hourly profile');
    expect(profile.shares).toHaveLength(168);
    expect(profile.shares.every((s) => s >= 0)).toBe(true);
    expect(() => planStaffing(result.input)).not.toThrow();
  });
});

describe('helpers', () => {
  it('counts hours of the week from Monday midnight on the local clock', () => {
    expect(hourOfWeek(new Date('2024-06-03T00:30:00Z'), 'UTC')).toBe(0);
    expect(hourOfWeek(new Date('2024-06-09T23:59:00Z'), 'UTC')).toBe(167);
    // 23:30 UTC on a Sunday is already Monday 01:30 in Paris (UTC+2 in summer).
    expect(hourOfWeek(new Date('2024-06-09T23:30:00Z'), 'Europe/Paris')).toBe(1);
  });
});
