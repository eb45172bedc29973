/** The time ranges the analytics pages offer, and the [from, to) and bucket each stands for. */
export const RANGE_PRESETS = ['24h', '7d', '30d', 'custom'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type Bucket = 'hour' | 'day';

export const RANGE_LABELS: Record<RangePreset, string> = { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days', custom: 'Custom' };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PRESET_MS: Record<Exclude<RangePreset, 'custom'>, number> = { '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS };
/** The API's cap on points per series; hours beyond it are refused, so longer ranges switch to days. */
const MAX_BUCKETS = 1000;

export interface AnalyticsRange {
  from: string;
  to: string;
  bucket: Bucket;
}

/**
 * A preset counts back from the end of the current hour, so the query (and its cache key) stays
 * the same for the whole hour; a custom range runs from the start of its first UTC day to the end
 * of its last. Without a chosen bucket: hours up to 2 days, days beyond, so a chart never has much
 * more than 50 bars to fit in a card (and always days past the API's cap on hours).
 */
export function resolveRange(preset: RangePreset, now: number, custom: { from?: string; to?: string }, bucket?: Bucket): AnalyticsRange {
  let from: number;
  let to: number;
  if (preset === 'custom' && custom.from && custom.to) {
    from = Date.parse(`${custom.from}T00:00:00Z`);
    to = Date.parse(`${custom.to}T00:00:00Z`) + DAY_MS;
  } else {
    to = Math.ceil(now / HOUR_MS) * HOUR_MS;
    from = to - PRESET_MS[preset === 'custom' ? '7d' : preset];
  }
  const span = to - from;
  const chosen = bucket ?? (span <= 2 * DAY_MS ? 'hour' : 'day');
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), bucket: chosen === 'hour' && span / HOUR_MS > MAX_BUCKETS ? 'day' : chosen };
}

/** What is wrong with a custom range, or null. Dates are YYYY-MM-DD (UTC days, both included). */
export function customRangeProblem(custom: { from?: string; to?: string }): string | null {
  if (!custom.from || !custom.to) return 'Pick a first and a last day.';
  if (Number.isNaN(Date.parse(custom.from)) || Number.isNaN(Date.parse(custom.to))) return 'Those are not dates.';
  if (custom.from > custom.to) return 'The first day must not be after the last.';
  return null;
}
