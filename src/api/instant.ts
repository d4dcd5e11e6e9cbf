/** A point in time in a query, read the same way everywhere it is asked for. */
import { z } from 'zod';

/** An instant as ISO 8601: a date (`2026-03-01`, midnight UTC) or a date and time with its zone. */
export const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: 'a date as YYYY-MM-DD, or a date and time with its zone (2026-03-01T09:00:00Z)',
  })
  .transform((text) => new Date(text));
