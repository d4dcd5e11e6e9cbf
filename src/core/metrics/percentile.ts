/**
 * Percentiles by linear interpolation between the closest ranks — PostgreSQL's `percentile_cont`,
 * so the pure metrics and the SQL ones agree to the last digit.
 */
export const percentile = (values: readonly number[], fraction: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const below = Math.floor(position);
  const lower = sorted[below] ?? 0;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? lower;
  return lower + (upper - lower) * (position - below);
};

export interface Spread {
  readonly p50: number | null;
  readonly p90: number | null;
}

export const spreadOf = (values: readonly number[]): Spread => ({
  p50: percentile(values, 0.5),
  p90: percentile(values, 0.9),
});
