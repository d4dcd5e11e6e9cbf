/** ISO-8601 weeks ("2026-W47", Monday to Sunday, UTC): the unit of the coaching cadence. */

const dayMs = 86_400_000;

/** The ISO week a moment falls in, by its UTC date. */
export const isoWeekOf = (at: Date): string => {
  const date = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this week decides the week-year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / dayMs + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
};

const weekPattern = /^(\d{4})-W(\d{2})$/;

/** Monday 00:00 UTC of an ISO week and the Monday after it; null for a malformed or impossible week. */
export const isoWeekRange = (week: string): { readonly start: Date; readonly end: Date } | null => {
  const match = weekPattern.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  const january4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = january4.getTime() - ((january4.getUTCDay() || 7) - 1) * dayMs;
  const start = new Date(mondayOfWeek1 + (number - 1) * 7 * dayMs);
  if (number < 1 || isoWeekOf(start) !== week) return null;
  return { start, end: new Date(start.getTime() + 7 * dayMs) };
};

/** The week before an ISO week. */
export const previousIsoWeek = (week: string): string | null => {
  const range = isoWeekRange(week);
  return range ? isoWeekOf(new Date(range.start.getTime() - dayMs)) : null;
};

/** The week after an ISO week. */
export const nextIsoWeek = (week: string): string | null => {
  const range = isoWeekRange(week);
  return range ? isoWeekOf(range.end) : null;
};
