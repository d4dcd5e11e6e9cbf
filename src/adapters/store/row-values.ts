/**
 * Checks for values read back from the database. The schema's CHECK constraints already hold these
 * invariants, so a failure here means the database was changed behind Baton's back: it throws.
 */
import type { Actor, BusinessHours, Citation } from '../../core/model.ts';

const corrupt = (what: string, value: unknown): Error =>
  new Error(`unexpected ${what} in the database: ${JSON.stringify(value)}`);

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const oneOf = <T extends string>(allowed: readonly T[], value: string, what: string): T => {
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) throw corrupt(what, value);
  return match;
};

export const recordOf = (value: unknown, what: string): Readonly<Record<string, unknown>> => {
  if (!isRecord(value)) throw corrupt(what, value);
  return value;
};

export const actorOf = (value: unknown): Actor => {
  if (!isRecord(value)) throw corrupt('actor', value);
  const { kind, id } = value;
  if (kind === 'ai' || kind === 'system') return { kind };
  if ((kind === 'customer' || kind === 'agent') && typeof id === 'string') return { kind, id };
  throw corrupt('actor', value);
};

export const citationsOf = (value: unknown): Citation[] => {
  if (!Array.isArray(value)) throw corrupt('citations', value);
  return value.map((item: unknown) => {
    if (
      isRecord(item) &&
      typeof item.articleId === 'string' &&
      typeof item.slug === 'string' &&
      typeof item.title === 'string'
    ) {
      return { articleId: item.articleId, slug: item.slug, title: item.title };
    }
    throw corrupt('citation', item);
  });
};

const weekdays = ['1', '2', '3', '4', '5', '6', '7'] as const;

export const businessHoursOf = (value: unknown): BusinessHours | null => {
  if (value === null || value === undefined) return null;
  if (!isRecord(value) || typeof value.timeZone !== 'string' || !isRecord(value.days)) {
    throw corrupt('business hours', value);
  }
  const storedDays = value.days;
  const days: Partial<Record<(typeof weekdays)[number], readonly [string, string]>> = {};
  for (const day of weekdays) {
    const hours = storedDays[day];
    if (hours === undefined) continue;
    const [open, close] = Array.isArray(hours) ? hours : [];
    if (typeof open !== 'string' || typeof close !== 'string') throw corrupt('business hours', value);
    days[day] = [open, close];
  }
  const holidays = value.holidays;
  if (holidays === undefined) return { timeZone: value.timeZone, days };
  if (!Array.isArray(holidays) || !holidays.every((date) => typeof date === 'string')) {
    throw corrupt('business hours', value);
  }
  return { timeZone: value.timeZone, days, holidays };
};

/** PostgreSQL `integer`/`real` arrive as numbers, `bigint`/`numeric` as strings. */
export const numberOf = (value: unknown, what: string): number => {
  const parsed = typeof value === 'string' ? Number(value) : value;
  if (typeof parsed !== 'number' || Number.isNaN(parsed)) throw corrupt(what, value);
  return parsed;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuids; a lookup by anything else finds nothing instead of raising a cast error. */
export const isUuid = (value: string): boolean => uuidPattern.test(value);
