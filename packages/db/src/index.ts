export * from './entities';
export { createOrm, migrateDatabase, pendingMigrations, buildOrmConfig, type Orm, type OrmOptions } from './orm';
export { createTestDatabase, type TestDatabase } from './test-database';
export { queryPrepared } from './prepared-query';
export {
  LATENCY_BOUNDARIES_MS,
  LATENCY_BUCKET_COUNT,
  latencyBucketSumsSql,
  ROLLUP_COUNTERS,
  ROLLUP_TABLES,
  ROLLUP_TRIGGERS,
  ROLLUPS,
  type RollupName,
} from './rollups';
