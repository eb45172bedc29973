import { Migration } from '@mikro-orm/migrations';
import {
  latencyBucketSumsSql,
  latencyHistogramFunctionsSql,
  ROLLUP_COUNTERS as COUNTERS,
  ROLLUP_KEY as KEY,
  ROLLUP_TABLES,
  rollupCompactionFunctionsSql,
  rollupTriggerFunctionsSql,
} from '../rollups';

/**
 * Shards the rollups (rollups/execution-rollups-sql.ts, ROLLUP_SHARDS): a `shard` column joins each
 * rollup's key, and the triggers add each connection's finishes to the row of its own shard, so
 * concurrent finishes no longer queue on one hot row per hour, template version and model until
 * each other's commit; and their histograms are built by an aggregate of their own, which makes
 * the trigger cheaper (rollups/latency-histogram.ts). Compaction folds past buckets' shards back
 * into shard 0 (rollupCompactionFunctionsSql). The rows kept so far become shard 0, so every sum stays what it was.
 */
export class ShardExecutionRollups extends Migration {
  override async up(): Promise<void> {
    for (const table of Object.values(ROLLUP_TABLES)) {
      this.addSql(`alter table "${table}" add column "shard" smallint not null default 0;`);
      this.addSql(`alter table "${table}" drop constraint "${table}_pkey";`);
      this.addSql(`alter table "${table}" add constraint "${table}_pkey" primary key (${[...KEY, 'shard'].map((c) => `"${c}"`).join(', ')});`);
      // What compaction looks for: the rows outside shard 0, few once it runs (the current buckets').
      this.addSql(`create index "${table}_sharded_idx" on "${table}" ("bucket_start") where "shard" <> 0;`);
    }
    for (const statement of [...latencyHistogramFunctionsSql(), ...rollupTriggerFunctionsSql('by_connection'), ...rollupCompactionFunctionsSql()]) {
      this.addSql(`${statement};`);
    }
  }

  /** Back to one row per key: each key's shards are added into its shard 0 before the column goes. */
  override async down(): Promise<void> {
    for (const statement of rollupTriggerFunctionsSql('none')) this.addSql(`${statement};`);
    for (const table of Object.values(ROLLUP_TABLES)) {
      this.addSql(`with moved as (delete from "${table}" where shard <> 0 returning *)
        insert into "${table}" (${[...KEY, 'shard', ...COUNTERS, 'latency_buckets'].join(', ')})
        select ${KEY.join(', ')}, 0, ${COUNTERS.map((c) => `sum(${c})`).join(', ')}, ${latencyBucketSumsSql()}::bigint[]
          from moved group by ${KEY.join(', ')}
        on conflict (${[...KEY, 'shard'].join(', ')}) do update set
          ${COUNTERS.map((c) => `${c} = "${table}".${c} + excluded.${c}`).join(', ')},
          latency_buckets = execution_latency_histogram_add("${table}".latency_buckets, excluded.latency_buckets);`);
      this.addSql(`drop function "${table}_compact"();`);
      this.addSql(`alter table "${table}" drop constraint "${table}_pkey";`);
      this.addSql(`drop index "${table}_sharded_idx";`);
      this.addSql(`alter table "${table}" drop column "shard";`);
      this.addSql(`alter table "${table}" add constraint "${table}_pkey" primary key (${KEY.map((c) => `"${c}"`).join(', ')});`);
    }
    this.addSql('drop aggregate if exists execution_latency_histogram(integer);');
    this.addSql('drop function if exists execution_latency_histogram_step(bigint[], integer), execution_latency_histogram_add(bigint[], bigint[]);');
  }
}
