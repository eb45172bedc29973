export { LATENCY_BOUNDARIES_MS, LATENCY_BUCKET_COUNT, latencyBucketFunctionSql } from './latency-histogram';
export { ROLLUP_TABLES, ROLLUP_TRIGGERS, ROLLUPS, backfillRollupsSql, rollupTriggersSql, type RollupName } from './execution-rollups-sql';
