export {
  LATENCY_BOUNDARIES_MS,
  LATENCY_BUCKET_COUNT,
  latencyBucketFunctionSql,
  latencyBucketSumsSql,
  latencyHistogramFunctionsSql,
} from './latency-histogram';
export {
  ROLLUP_COUNTERS,
  ROLLUP_KEY,
  ROLLUP_SHARDS,
  ROLLUP_TABLES,
  ROLLUP_TRIGGERS,
  ROLLUPS,
  backfillRollupsSql,
  rollupCompactionFunctionsSql,
  rollupTriggerFunctionsSql,
  rollupTriggersSql,
  type RollupName,
  type RollupSharding,
} from './execution-rollups-sql';
