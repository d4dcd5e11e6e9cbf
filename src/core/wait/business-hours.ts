/**
 * Weekly business hours in a team's own time zone (SPEC §5, §6). Pure: the instant is passed in and
 * zone arithmetic goes through the Intl API, so daylight-saving changes are handled by the platform.
 */
import type { BusinessHours } from '../model.ts';

export type { BusinessHours };

type IsoWeekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';

interface ZonedParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** Building an Intl formatter costs far more than using one, so each is built once per zone. */
const formatterCache = new Map<string, Intl.DateTimeFormat>();
const weekdayFormatterCache = new Map<string, Intl.DateTimeFormat>();

const weekdayFormatter = (timeZone: string): Intl.DateTimeFormat => {
  const cached = weekdayFormatterCache.get(timeZone);
  if (cached) return cached;
  const formatter = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone });
  weekdayFormatterCache.set(timeZone, formatter);
  return formatter;
};

const zoneFormatter = (timeZone: string): Intl.DateTimeFormat => {
  const cached = formatterCache.get(timeZone);
  if (cached) return cached;
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  formatterCache.set(timeZone, formatter);
  return formatter;
};

const enUsDateTime = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2})$/;

/** The wall-clock date and time of `instant` in `timeZone`. */
export const zonedParts = (instant: Date, timeZone: string): ZonedParts => {
  const formatter = zoneFormatter(timeZone);
  // `format` is several times cheaper than `formatToParts`; its en-US shape is "11/28/2026, 20:05".
  const match = enUsDateTime.exec(formatter.format(instant));
  if (match) {
    return {
      year: Number(match[3]),
      month: Number(match[1]),
      day: Number(match[2]),
      hour: Number(match[4]) % 24,
      minute: Number(match[5]),
    };
  }
  const parts = formatter.formatToParts(instant);
  const pick = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? Number.NaN);
  return {
    year: pick('year'),
    month: pick('month'),
    day: pick('day'),
    hour: pick('hour') % 24,
    minute: pick('minute'),
  };
};

/** Whether `timeZone` is a zone name the platform knows. */
export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
};

const parseClock = (clock: string): number | null => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(clock);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes >= 0 && minutes <= 24 * 60 ? minutes : null;
};

const isoBySundayBased: readonly IsoWeekday[] = ['7', '1', '2', '3', '4', '5', '6'];

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
const isoWeekday = (year: number, month: number, day: number): IsoWeekday => {
  const sundayBased = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return isoBySundayBased[sundayBased] ?? '7';
};

const isoDate = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Opening and closing minute of a local date, or null when closed all day (its weekday, or a holiday). */
const windowOn = (
  hours: BusinessHours,
  year: number,
  month: number,
  day: number,
): readonly [number, number] | null =>
  hours.holidays?.includes(isoDate(year, month, day)) ? null : windowFor(hours, isoWeekday(year, month, day));

/** Opening and closing minute of the day for a weekday, or null when closed all day. */
const windowFor = (hours: BusinessHours, weekday: IsoWeekday): readonly [number, number] | null => {
  const entry = hours.days[weekday];
  if (!entry) return null;
  const open = parseClock(entry[0]);
  const close = parseClock(entry[1]);
  if (open === null || close === null || close <= open) return null;
  return [open, close];
};

const hasAnyDay = (hours: BusinessHours): boolean => Object.keys(hours.days).length > 0;

/** Whether the team is open at `now`; an empty week means always open. */
export const isOpen = (hours: BusinessHours, now: Date): boolean => {
  if (!hasAnyDay(hours)) return true;
  const local = zonedParts(now, hours.timeZone);
  const window = windowOn(hours, local.year, local.month, local.day);
  if (!window) return false;
  const minuteOfDay = local.hour * 60 + local.minute;
  return minuteOfDay >= window[0] && minuteOfDay < window[1];
};

/** The UTC instant at which the wall clock in `timeZone` shows the given local date and minute. */
export const zonedInstant = (
  timeZone: string,
  year: number,
  month: number,
  day: number,
  minuteOfDay: number,
): Date => {
  const wallAsUtc = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const offsetAt = (instant: number): number => {
    const p = zonedParts(new Date(instant), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - instant;
  };
  // Two passes settle the offset even when the guess lands on the other side of a DST change.
  const first = wallAsUtc - offsetAt(wallAsUtc);
  return new Date(wallAsUtc - offsetAt(first));
};

/** The next instant strictly after `now` at which the team opens; null if always open or never open. */
export const nextOpening = (hours: BusinessHours, now: Date): Date | null => {
  if (!hasAnyDay(hours)) return null;
  const local = zonedParts(now, hours.timeZone);
  // A week, plus a day for every holiday that may fall in it.
  const lastOffset = 7 + (hours.holidays?.length ?? 0);
  for (let offset = 0; offset <= lastOffset; offset += 1) {
    const date = new Date(Date.UTC(local.year, local.month - 1, local.day + offset));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const window = windowOn(hours, year, month, day);
    if (!window) continue;
    const opening = zonedInstant(hours.timeZone, year, month, day, window[0]);
    if (opening.getTime() > now.getTime()) return opening;
  }
  return null;
};

/** How a reopening time reads to the customer: "today at 14:00", "tomorrow at 09:00", "on Monday at 09:00". */
export const describeOpening = (opening: Date, now: Date, timeZone: string): string => {
  const at = zonedParts(opening, timeZone);
  const today = zonedParts(now, timeZone);
  const dayGap = Math.round(
    (Date.UTC(at.year, at.month - 1, at.day) - Date.UTC(today.year, today.month - 1, today.day)) / 86_400_000,
  );
  const clock = `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
  const weekday = weekdayFormatter(timeZone).format(opening);
  const day = dayGap === 0 ? 'today' : dayGap === 1 ? 'tomorrow' : `on ${weekday}`;
  return `${day} at ${clock} (${timeZone} time)`;
};
