import { LATENCY_BUCKET_COUNT, latencyBucketSumsSql } from '@promptops/db';
import { histogramPercentile, mergeHistogram } from './latency-percentiles';
import type { AnalyticsMetrics } from './analytics-types';

/** The sums a rollup query returns for one group (bigints and numerics arrive as strings). */
export interface RollupSums {
  executions: string | number;
  succeeded: string | number;
  failed: string | number;
  cancelled: string | number;
  failed_render: string | number;
  failed_validation: string | number;
  failed_provider: string | number;
  failed_timeout: string | number;
  prompt_tokens: string | number;
  completion_tokens: string | number;
  cost_usd: string | number;
  latency_count: string | number;
  latency_sum_ms: string | number;
  latency_buckets: (string | number)[];
}

const COUNTERS = [
  'executions',
  'succeeded',
  'failed',
  'cancelled',
  'failed_render',
  'failed_validation',
  'failed_provider',
  'failed_timeout',
  'prompt_tokens',
  'completion_tokens',
  'cost_usd',
  'latency_count',
  'latency_sum_ms',
] as const satisfies readonly Exclude<keyof RollupSums, 'latency_buckets'>[];

/** The same sums as numbers, which add up across groups (totals of a range, say). */
export type Totals = Record<(typeof COUNTERS)[number], number> & { latency_buckets: number[] };

/** The SELECT list that sums rollup rows into a RollupSums. */
export const SUMS_SQL = [...COUNTERS.map((column) => `sum(${column}) as ${column}`), `${latencyBucketSumsSql()} as latency_buckets`].join(', ');

export function emptyTotals(): Totals {
  const totals = Object.fromEntries(COUNTERS.map((column) => [column, 0])) as Record<(typeof COUNTERS)[number], number>;
  return { ...totals, latency_buckets: new Array<number>(LATENCY_BUCKET_COUNT).fill(0) };
}

export function toTotals(row: RollupSums): Totals {
  const totals = emptyTotals();
  addTotals(totals, {
    ...(Object.fromEntries(COUNTERS.map((column) => [column, Number(row[column] ?? 0)])) as Record<(typeof COUNTERS)[number], number>),
    latency_buckets: row.latency_buckets.map(Number),
  });
  return totals;
}

export function addTotals(into: Totals, from: Totals): void {
  for (const column of COUNTERS) into[column] += from[column];
  mergeHistogram(into.latency_buckets, from.latency_buckets);
}

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);

export function toMetrics(totals: Totals): AnalyticsMetrics {
  const { latency_buckets: histogram } = totals;
  // Sums of numeric(20,8) values; rounded so float noise (which depends on the order they were
  // added in) never shows, as 0.30000000000000004 or as hourly and daily totals that differ.
  const cost = Number(totals.cost_usd.toFixed(8));
  return {
    executions: totals.executions,
    succeeded: totals.succeeded,
    failed: totals.failed,
    cancelled: totals.cancelled,
    failures: { render: totals.failed_render, validation: totals.failed_validation, provider: totals.failed_provider, timeout: totals.failed_timeout },
    success_rate: ratio(totals.succeeded, totals.succeeded + totals.failed),
    prompt_tokens: totals.prompt_tokens,
    completion_tokens: totals.completion_tokens,
    cost_usd: cost,
    cost_per_success_usd: ratio(cost, totals.succeeded),
    latency_ms: {
      p50: histogramPercentile(histogram, 0.5),
      p95: histogramPercentile(histogram, 0.95),
      p99: histogramPercentile(histogram, 0.99),
      mean: ratio(totals.latency_sum_ms, totals.latency_count),
    },
  };
}
