import { describe, expect, it } from 'vitest';
import { responseTimerText } from './response-timer-text.ts';

const now = Date.UTC(2026, 2, 2, 9, 0);
const due = (kind: 'first_response' | 'next_response', minutesFromNow: number) => ({
  kind,
  dueAt: new Date(now + minutesFromNow * 60_000).toISOString(),
  targetMinutes: 60,
});

describe('responseTimerText', () => {
  it('counts down to a first reply in whole minutes, rounding up', () => {
    expect(responseTimerText(due('first_response', 12), now)).toEqual({
      text: 'First reply due in 12 min',
      overdue: false,
    });
    expect(responseTimerText(due('first_response', 11.2), now).text).toBe('First reply due in 12 min');
    expect(responseTimerText(due('first_response', 0.1), now).text).toBe('First reply due in 1 min');
  });

  it('says by how much a next reply is overdue', () => {
    expect(responseTimerText(due('next_response', -3), now)).toEqual({
      text: 'Next reply overdue by 3 min',
      overdue: true,
    });
    expect(responseTimerText(due('next_response', 0), now).text).toBe('Next reply overdue by 1 min');
  });

  it('writes an hour or more in hours and minutes', () => {
    expect(responseTimerText(due('first_response', 60), now).text).toBe('First reply due in 1 h');
    expect(responseTimerText(due('next_response', 125), now).text).toBe('Next reply due in 2 h 5 min');
    expect(responseTimerText(due('next_response', -90), now).text).toBe('Next reply overdue by 1 h 30 min');
  });
});
