/** How the analytics page writes numbers: rates as percentages, seconds as minutes or hours. */

export const percent = (value: number | null): string =>
  value === null ? '—' : `${(value * 100).toFixed(value === 0 || value === 1 ? 0 : 1)}%`;

export const duration = (seconds: number | null): string => {
  if (seconds === null) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
};

export const money = (value: number | null): string => (value === null ? '—' : value.toFixed(2));

/** `YYYY-MM-DD` of a date in UTC, for date inputs. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
