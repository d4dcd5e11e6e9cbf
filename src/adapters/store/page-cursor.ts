/**
 * The cursors of lists read a page at a time: the last row's place in the list's order as text
 * parts joined by `|`. Times are written by PostgreSQL to the microsecond it keeps (a JavaScript
 * date would round them, and the next page could return a row again or skip one).
 */
import { type RawBuilder, sql } from 'kysely';
import { DomainError } from '../../core/errors.ts';

/** A timestamp expression as exact UTC text, fit for a cursor. */
export const exactTime = (expression: RawBuilder<unknown>): RawBuilder<string> =>
  sql<string>`to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const cursorOf = (parts: readonly (string | number)[]): string => parts.join('|');

/**
 * The parts of a cursor, checked by `valid` (each part, in order, must pass its check); anything
 * else is refused as not one the list gave out.
 */
export const cursorParts = (cursor: string, valid: readonly ((part: string) => boolean)[]): string[] => {
  const parts = cursor.split('|');
  if (parts.length !== valid.length || parts.some((part, i) => !valid[i]?.(part)))
    throw new DomainError(
      'invalid_input',
      'The cursor is not one this list gave out: start again without it.',
    );
  return parts;
};

export const isInstantText = (part: string): boolean => !Number.isNaN(Date.parse(part));
