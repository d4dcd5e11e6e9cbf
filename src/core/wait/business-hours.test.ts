import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../model.ts';
import {
  describeOpening,
  isOpen,
  isValidTimeZone,
  nextOpening,
  zonedInstant,
  zonedParts,
} from './business-hours.ts';

const berlinWeekdays: BusinessHours = {
  timeZone: 'Europe/Berlin',
  days: {
    '1': ['09:00', '17:00'],
    '2': ['09:00', '17:00'],
    '3': ['09:00', '17:00'],
    '4': ['09:00', '17:00'],
    '5': ['09:00', '17:00'],
  },
};

describe('isOpen', () => {
  it('is open inside the local window and closed outside it, in the team’s zone', () => {
    // 2025-03-05 is a Wednesday; Berlin is UTC+1 in March before the DST change.
    expect(isOpen(berlinWeekdays, new Date('2025-03-05T08:00:00Z'))).toBe(true);
    expect(isOpen(berlinWeekdays, new Date('2025-03-05T07:59:00Z'))).toBe(false);
    expect(isOpen(berlinWeekdays, new Date('2025-03-05T16:00:00Z'))).toBe(false);
  });

  it('is closed on a day with no hours', () => {
    expect(isOpen(berlinWeekdays, new Date('2025-03-08T12:00:00Z'))).toBe(false);
  });

  it('is always open when no day is configured', () => {
    expect(isOpen({ timeZone: 'UTC', days: {} }, new Date('2025-03-08T03:00:00Z'))).toBe(true);
  });

  it('follows daylight saving time', () => {
    // After 2025-03-30 Berlin is UTC+2, so 09:00 local is 07:00 UTC.
    expect(isOpen(berlinWeekdays, new Date('2025-04-01T07:00:00Z'))).toBe(true);
    expect(isOpen(berlinWeekdays, new Date('2025-04-01T15:30:00Z'))).toBe(false);
  });
});

describe('nextOpening', () => {
  it('opens on Monday morning after a Friday evening', () => {
    expect(nextOpening(berlinWeekdays, new Date('2025-03-07T18:00:00Z'))?.toISOString()).toBe(
      '2025-03-10T08:00:00.000Z',
    );
  });

  it('opens later the same day when it is early morning', () => {
    expect(nextOpening(berlinWeekdays, new Date('2025-03-05T05:00:00Z'))?.toISOString()).toBe(
      '2025-03-05T08:00:00.000Z',
    );
  });

  it('uses the new offset across a daylight-saving change', () => {
    expect(nextOpening(berlinWeekdays, new Date('2025-03-28T18:00:00Z'))?.toISOString()).toBe(
      '2025-03-31T07:00:00.000Z',
    );
  });

  it('works for a zone west of UTC', () => {
    const newYork: BusinessHours = { timeZone: 'America/New_York', days: { '6': ['10:00', '14:00'] } };
    expect(nextOpening(newYork, new Date('2025-03-05T12:00:00Z'))?.toISOString()).toBe(
      '2025-03-08T15:00:00.000Z',
    );
  });

  it('is null when the team is always open', () => {
    expect(nextOpening({ timeZone: 'UTC', days: {} }, new Date())).toBeNull();
  });
});

describe('describeOpening', () => {
  it('says today, tomorrow or the weekday with the local time and zone', () => {
    const now = new Date('2025-03-05T05:00:00Z');
    expect(describeOpening(new Date('2025-03-05T08:00:00Z'), now, 'Europe/Berlin')).toBe(
      'today at 09:00 (Europe/Berlin time)',
    );
    expect(describeOpening(new Date('2025-03-06T08:00:00Z'), now, 'Europe/Berlin')).toBe(
      'tomorrow at 09:00 (Europe/Berlin time)',
    );
    expect(describeOpening(new Date('2025-03-10T08:00:00Z'), now, 'Europe/Berlin')).toBe(
      'on Monday at 09:00 (Europe/Berlin time)',
    );
  });
});

describe('zonedInstant and isValidTimeZone', () => {
  it('converts a local wall time to the right instant', () => {
    expect(zonedInstant('Asia/Tokyo', 2025, 1, 2, 9 * 60).toISOString()).toBe('2025-01-02T00:00:00.000Z');
  });

  it('knows real zone names and rejects made-up ones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('zonedParts', () => {
  it('reads the same wall clock as the platform’s date parts, every hour of a year, in several zones', () => {
    const start = Date.UTC(2025, 0, 1, 0, 7);
    for (const timeZone of ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney']) {
      const reference = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        hourCycle: 'h23',
      });
      for (let hour = 0; hour < 366 * 24; hour += 7) {
        const instant = new Date(start + hour * 3_600_000);
        const parts = reference.formatToParts(instant);
        const pick = (type: string) => Number(parts.find((part) => part.type === type)?.value);
        expect(zonedParts(instant, timeZone)).toEqual({
          year: pick('year'),
          month: pick('month'),
          day: pick('day'),
          hour: pick('hour'),
          minute: pick('minute'),
        });
      }
    }
  });
});

describe('holidays', () => {
  const withHolidays: BusinessHours = { ...berlinWeekdays, holidays: ['2025-03-05', '2025-03-06'] };

  it('is closed all day on a holiday in the team’s zone, and open the day after', () => {
    expect(isOpen(withHolidays, new Date('2025-03-05T10:00:00Z'))).toBe(false);
    expect(isOpen(withHolidays, new Date('2025-03-07T10:00:00Z'))).toBe(true);
  });

  it('opens next on the first working day after the holidays', () => {
    // Tuesday evening, 4 March 2025: Wednesday and Thursday are holidays, so Friday 09:00 Berlin.
    expect(nextOpening(withHolidays, new Date('2025-03-04T18:00:00Z'))?.toISOString()).toBe(
      '2025-03-07T08:00:00.000Z',
    );
  });
});
