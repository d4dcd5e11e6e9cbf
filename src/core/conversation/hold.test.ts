import { describe, expect, it } from 'vitest';
import { decideHold, isHeld, MAX_SNOOZE_DAYS, snoozeReturnsTo } from './hold.ts';

const now = new Date('2026-03-02T10:00:00Z');
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

describe('conversation holds', () => {
  it('snoozes an assigned or queued conversation until a later time', () => {
    expect(decideHold('assigned', { kind: 'snoozed', until: hours(2) }, now)).toEqual({
      kind: 'set',
      hold: { kind: 'snoozed', until: hours(2) },
    });
    expect(decideHold('queued', { kind: 'snoozed', until: hours(1) }, now).kind).toBe('set');
  });

  it('refuses a snooze in the past or beyond the limit, saying what to do', () => {
    expect(decideHold('assigned', { kind: 'snoozed', until: now }, now)).toEqual({
      kind: 'rejected',
      reason: 'Snooze until a time in the future.',
    });
    const tooFar = decideHold('assigned', { kind: 'snoozed', until: hours(24 * MAX_SNOOZE_DAYS + 1) }, now);
    expect(tooFar).toEqual({ kind: 'rejected', reason: `Snooze for at most ${MAX_SNOOZE_DAYS} days.` });
  });

  it('marks waiting on the customer, and refuses holds on the AI’s or resolved conversations', () => {
    expect(decideHold('assigned', { kind: 'waiting_on_customer' }, now).kind).toBe('set');
    expect(decideHold('ai', { kind: 'waiting_on_customer' }, now).kind).toBe('rejected');
    expect(decideHold('resolved', { kind: 'snoozed', until: hours(1) }, now).kind).toBe('rejected');
  });

  it('takes a hold off in any state', () => {
    expect(decideHold('resolved', { kind: 'none' }, now)).toEqual({ kind: 'set', hold: null });
  });

  it('holds a snoozed conversation only until its time', () => {
    expect(isHeld({ kind: 'snoozed', until: hours(1) }, now)).toBe(true);
    expect(isHeld({ kind: 'snoozed', until: hours(-1) }, now)).toBe(false);
    expect(isHeld({ kind: 'waiting_on_customer' }, now)).toBe(true);
    expect(isHeld(null, now)).toBe(false);
  });

  it('returns a woken conversation to its assignee only while they are available and active', () => {
    expect(snoozeReturnsTo({ status: 'available', active: true })).toBe('assignee');
    expect(snoozeReturnsTo({ status: 'away', active: true })).toBe('team_queue');
    expect(snoozeReturnsTo({ status: 'available', active: false })).toBe('team_queue');
    expect(snoozeReturnsTo(null)).toBe('team_queue');
  });
});
