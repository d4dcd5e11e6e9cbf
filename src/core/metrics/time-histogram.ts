/**
 * Mergeable time histograms for the §9 percentiles at volume (docs/metrics.md, "Percentiles at
 * volume"). A value of x seconds goes to bucket floor(ln(|x| + 1) / ln R) (negative values mirror
 * below zero); each bucket stands for one value within TIME_PERCENTILE_ERROR × (|x| + 1) of every
 * value in it. Standing for each value by its bucket's keeps the values' order, so PostgreSQL's
 * percentile_cont over the stand-ins — an interpolation between the same two ranks — lies within
 * TIME_PERCENTILE_ERROR × (exact + 1 s) of the exact percentile of non-negative times.
 *
 * The buckets are stored per day (migration 0074): changing the ratio needs every day rebuilt.
 */
import type { Spread } from './percentile.ts';

/** The largest error of a percentile read from buckets, as a fraction of (the exact value + 1 s). */
export const TIME_PERCENTILE_ERROR = 0.02;
/** Each bucket's upper edge over its lower one (in x + 1): (1 + e) / (1 − e) bounds the error by e. */
export const TIME_BUCKET_RATIO = (1 + TIME_PERCENTILE_ERROR) / (1 - TIME_PERCENTILE_ERROR);

/** How many values fell in one bucket of one time. */
export interface TimeBucketCount {
  readonly bucket: number;
  readonly count: number;
}

/** The bucket of a time in seconds (the SQL rollup computes the same with ln and floor). */
export const timeBucketOf = (seconds: number): number => {
  const index = Math.floor(Math.log(Math.abs(seconds) + 1) / Math.log(TIME_BUCKET_RATIO));
  return seconds < 0 ? -1 - index : index;
};

/**
 * The value a bucket stands for: in y = |x| + 1, the bucket is [R^k, R^(k+1)) and its stand-in
 * 2·R^(k+1) / (1 + R) is within (R − 1) / (R + 1) = TIME_PERCENTILE_ERROR of every y in it.
 */
export const timeBucketSeconds = (bucket: number): number => {
  const index = bucket < 0 ? -1 - bucket : bucket;
  const magnitude = (2 * TIME_BUCKET_RATIO ** (index + 1)) / (1 + TIME_BUCKET_RATIO) - 1;
  return bucket < 0 ? -magnitude : magnitude;
};

/** percentile_cont over the buckets' stand-in values, each counted as often as it fell there. */
export const histogramPercentile = (
  histogram: readonly TimeBucketCount[],
  fraction: number,
): number | null => {
  const sorted = histogram.filter((entry) => entry.count > 0).sort((a, b) => a.bucket - b.bucket);
  const total = sorted.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return null;
  const valueAtRank = (rank: number): number => {
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.count;
      if (rank < seen) return timeBucketSeconds(entry.bucket);
    }
    return timeBucketSeconds(sorted[sorted.length - 1]?.bucket ?? 0);
  };
  const position = fraction * (total - 1);
  const below = Math.floor(position);
  const lower = valueAtRank(below);
  const upper = valueAtRank(Math.min(below + 1, total - 1));
  return lower + (upper - lower) * (position - below);
};

/** The median and 90th percentile of a histogram, as spreadOf gives them for the values. */
export const histogramSpread = (histogram: readonly TimeBucketCount[]): Spread => ({
  p50: histogramPercentile(histogram, 0.5),
  p90: histogramPercentile(histogram, 0.9),
});

/** Whether a percentile read from buckets is within the stated bound of the exact one. */
export const withinTimeBound = (approximate: number | null, exact: number | null): boolean =>
  approximate === null || exact === null
    ? approximate === exact
    : Math.abs(approximate - exact) <= TIME_PERCENTILE_ERROR * (Math.abs(exact) + 1) + 1e-9;
