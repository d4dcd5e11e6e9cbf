/** What the analytics page downloads: the series or the per-category table as CSV (RFC 4180), named by range. */

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
const field = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const toCsv = (
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string => [header, ...rows].map((row) => `${row.map(field).join(',')}\r\n`).join('');

/** A file name that says what and which days: `baton-conversations-by-day-2026-11-06-to-2026-12-05.csv`. */
export const csvFileName = (what: string, from: string, through: string): string =>
  `baton-${what.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${from}-to-${through}.csv`;
