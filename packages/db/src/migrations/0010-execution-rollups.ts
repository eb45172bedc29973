import { Migration } from '@mikro-orm/migrations';
import { LATENCY_BUCKET_COUNT, ROLLUP_TABLES, backfillRollupsSql, latencyBucketFunctionSql, rollupTriggersSql } from '../rollups';

/**
 * execution_rollups: per UTC hour, template name and version, provider and model, what the
 * executions that ended in that hour came to (counts by status and failure kind, tokens, cost,
 * latency sum and histogram); beside it the same per UTC day, and per hour for all templates
 * together (rollups/execution-rollups-sql.ts says why). Analytics and budgets
 * read them instead of scanning executions; triggers on prompt_executions keep them exact in the
 * same transaction as each status change (see rollups/execution-rollups-sql.ts). Executions already
 * finished are counted here.
 */
export class ExecutionRollups extends Migration {
  override async up(): Promise<void> {
    const count = (column: string) => `"${column}" bigint not null default 0`;
    for (const table of Object.values(ROLLUP_TABLES)) {
      // fillfactor 70: room on each page for the new version of a row, so the constant updates of
      // the current hour stay HOT (no index entries written) and the table does not bloat.
      this.addSql(`create table "${table}" (
        "bucket_start" timestamptz not null, "template_name" text not null, "template_version" integer not null,
        "provider" text not null, "model" text not null,
        ${['executions', 'succeeded', 'failed', 'cancelled', 'failed_render', 'failed_validation', 'failed_provider', 'failed_timeout', 'prompt_tokens', 'completion_tokens'].map(count).join(', ')},
        "cost_usd" numeric(20,8) not null default 0, "succeeded_cost_usd" numeric(20,8) not null default 0,
        ${['latency_count', 'latency_sum_ms'].map(count).join(', ')},
        "latency_buckets" bigint[] not null default array_fill(0::bigint, array[${LATENCY_BUCKET_COUNT}]),
        constraint "${table}_pkey" primary key ("bucket_start", "template_name", "template_version", "provider", "model")) with (fillfactor = 70);`);
      this.addSql(`create index "${table}_template_idx" on "${table}" ("template_name", "bucket_start");`);
      this.addSql(`create index "${table}_provider_idx" on "${table}" ("provider", "bucket_start");`);
      this.addSql(`create index "${table}_model_idx" on "${table}" ("model", "bucket_start");`);
    }
    this.addSql(`${latencyBucketFunctionSql()};`);
    for (const statement of rollupTriggersSql()) this.addSql(`${statement};`);
    for (const statement of backfillRollupsSql()) this.addSql(`${statement};`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "execution_rollups_on_insert" on "prompt_executions";`);
    this.addSql(`drop trigger if exists "execution_rollups_on_update" on "prompt_executions";`);
    this.addSql(`drop function if exists execution_rollups_on_insert_record(), execution_rollups_on_update_record(), execution_latency_bucket(integer);`);
    this.addSql(
      `drop table if exists ${Object.values(ROLLUP_TABLES)
        .map((table) => `"${table}"`)
        .join(', ')};`,
    );
  }
}
