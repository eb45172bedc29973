import { InvalidRequestError } from '@promptops/errors';
import { ANALYTICS_LIMITS, type AnalyticsBucket, type AnalyticsRangeInput } from './analytics-types';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const BUCKET_MS: Record<AnalyticsBucket, number> = { hour: HOUR_MS, day: DAY_MS };
const DEFAULT_RANGE_MS = 7 * DAY_MS;

export interface AnalyticsRange {
  from: Date;
  to: Date;
  bucket: AnalyticsBucket;
  /** Every bucket start in [from, to). */
  starts: Date[];
}

const floorTo = (time: number, step: number) => Math.floor(time / step) * step;
const ceilTo = (time: number, step: number) => Math.ceil(time / step) * step;

function defaultEnds(input: AnalyticsRangeInput, now: Date): { from: Date; to: Date } {
  const to = input.to ?? now;
  const from = input.from ?? new Date(to.getTime() - DEFAULT_RANGE_MS);
  if (from.getTime() >= to.getTime()) {
    throw new InvalidRequestError('`from` must be before `to`', { from: from.toISOString(), to: to.toISOString() });
  }
  return { from, to };
}

/** [from, to) widened to whole hours, the rollups' grain, for totals over a range of any length. */
export function resolveHours(input: AnalyticsRangeInput, now: Date = new Date()): { from: Date; to: Date } {
  const { from, to } = defaultEnds(input, now);
  return { from: new Date(floorTo(from.getTime(), HOUR_MS)), to: new Date(ceilTo(to.getTime(), HOUR_MS)) };
}

/**
 * The range a query serves. Rollups are hourly, so the range is widened to whole buckets (hours,
 * or UTC days): a point always covers its whole bucket. Refuses an empty or reversed range, and one
 * with more buckets than a chart can show (ask for days instead).
 */
export function resolveRange(input: AnalyticsRangeInput, now: Date = new Date()): AnalyticsRange {
  const { from, to } = defaultEnds(input, now);
  const bucket = input.bucket ?? (to.getTime() - from.getTime() <= DEFAULT_RANGE_MS ? 'hour' : 'day');
  const step = BUCKET_MS[bucket];
  const start = floorTo(from.getTime(), step);
  const end = ceilTo(to.getTime(), step);
  const buckets = (end - start) / step;
  if (buckets > ANALYTICS_LIMITS.maxBuckets) {
    throw new InvalidRequestError(
      `The range holds ${buckets} ${bucket} buckets; at most ${ANALYTICS_LIMITS.maxBuckets} (use a shorter range${bucket === 'hour' ? ' or day buckets' : ''})`,
      { bucket, buckets, max_buckets: ANALYTICS_LIMITS.maxBuckets },
    );
  }
  return { from: new Date(start), to: new Date(end), bucket, starts: Array.from({ length: buckets }, (_, i) => new Date(start + i * step)) };
}
