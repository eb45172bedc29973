/**
 * The fixed boundaries of every latency histogram in execution_rollups, in milliseconds: 50
 * log-spaced values from 1 ms to 10 minutes (each about 31 % above the one before), rounded to three
 * significant digits. A histogram has one count per bucket, BOUNDARIES.length + 1 in all: bucket 0
 * holds [0, 1 ms), bucket i holds [B[i-1], B[i]), the last one everything from 10 minutes up.
 * Fixed boundaries make histograms mergeable by adding counts, so any range of hours, any scope, is
 * one sum; the SQL that files a latency into its bucket is generated from this list.
 * Changing it means a migration that rebuilds the rollups.
 */
const SMALLEST_MS = 1;
const LARGEST_MS = 600_000;
const BOUNDARY_COUNT = 50;

export const LATENCY_BOUNDARIES_MS: readonly number[] = Array.from({ length: BOUNDARY_COUNT }, (_, i) =>
  Number((SMALLEST_MS * (LARGEST_MS / SMALLEST_MS) ** (i / (BOUNDARY_COUNT - 1))).toPrecision(3)),
);

/** Counts per histogram: one per bucket. */
export const LATENCY_BUCKET_COUNT = LATENCY_BOUNDARIES_MS.length + 1;

/**
 * `execution_latency_bucket(ms)`: the 1-based index into latency_buckets of a latency (null stays
 * null). width_bucket over a sorted array returns how many boundaries are <= ms, which is exactly
 * the bucket number above; inlined by the planner (SQL, immutable).
 */
export function latencyBucketFunctionSql(): string {
  return `create or replace function execution_latency_bucket(ms integer) returns integer
    language sql immutable parallel safe
    return width_bucket(ms::double precision, '{${LATENCY_BOUNDARIES_MS.join(',')}}'::double precision[]) + 1`;
}

/**
 * `array[sum(latency_buckets[1]), …]`: the histograms of a group of rollup rows added count by count,
 * as readers, compaction and migrations sum shards and buckets. Plain column arithmetic, fast over
 * many rows.
 */
export function latencyBucketSumsSql(): string {
  return `array[${Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `sum(latency_buckets[${i + 1}])`).join(', ')}]`;
}

/**
 * `execution_latency_histogram(bucket)`, an aggregate counting the buckets of
 * execution_latency_bucket into one histogram, and `execution_latency_histogram_add(a, b)`, two
 * histograms added count by count. A trigger runs them on a handful of rows, where what costs is
 * setting up each expression of the statement, not evaluating it: one aggregate and one call stand
 * in for LATENCY_BUCKET_COUNT filtered counts and as many additions, and take about a third off a
 * finish's trigger.
 */
export function latencyHistogramFunctionsSql(): string[] {
  const zeros = `{${new Array(LATENCY_BUCKET_COUNT).fill(0).join(',')}}`;
  return [
    `create or replace function execution_latency_histogram_step(histogram bigint[], bucket integer) returns bigint[]
      language plpgsql immutable parallel safe as $$
      begin
        if bucket is not null then histogram[bucket] := histogram[bucket] + 1; end if;
        return histogram;
      end $$`,
    `create or replace aggregate execution_latency_histogram(integer) (
      sfunc = execution_latency_histogram_step, stype = bigint[], initcond = '${zeros}')`,
    `create or replace function execution_latency_histogram_add(a bigint[], b bigint[]) returns bigint[]
      language plpgsql immutable parallel safe as $$
      begin
        for i in 1..${LATENCY_BUCKET_COUNT} loop a[i] := a[i] + b[i]; end loop;
        return a;
      end $$`,
  ];
}
