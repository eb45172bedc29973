import type { AnalyticsSeries } from './analytics-queries';
import type { Bucket } from './analytics-range';

/** One bucket as the charts plot it. */
export interface ChartRow {
  at: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  /** Percent, or null for a bucket with nothing finished (a gap in the line, not a drop to 0). */
  successRate: number | null;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export function chartRows(series: AnalyticsSeries['series']): ChartRow[] {
  return series.map((point) => ({
    at: Date.parse(point.bucket_start),
    succeeded: point.succeeded,
    failed: point.failed,
    cancelled: point.cancelled,
    successRate: point.success_rate === null ? null : Math.round(point.success_rate * 1000) / 10,
    promptTokens: point.prompt_tokens,
    completionTokens: point.completion_tokens,
    cost: point.cost_usd,
    p50: point.latency_ms.p50,
    p95: point.latency_ms.p95,
    p99: point.latency_ms.p99,
  }));
}

const hourLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const dayLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', day: 'numeric' });

/** A bucket's start as an axis or tooltip label, in UTC like the buckets themselves. */
export function bucketLabel(at: number, bucket: Bucket): string {
  return (bucket === 'hour' ? hourLabel : dayLabel).format(new Date(at));
}
