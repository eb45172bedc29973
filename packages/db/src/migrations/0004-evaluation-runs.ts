import { Migration } from '@mikro-orm/migrations';

export class EvaluationRuns extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "evaluation_run_status" as enum ('queued', 'running', 'completed', 'failed', 'cancelled');`);
    this.addSql(`create type "evaluation_result_status" as enum ('pending', 'running', 'scored', 'failed', 'cancelled');`);
    this.addSql(
      `create table "evaluation_runs" ("id" uuid not null, "dataset_id" uuid not null, "template_id" uuid not null, "template_ref" varchar(250) not null, "execution_settings" jsonb not null, "scorers" jsonb not null, "concurrency" int not null, "repetitions" int not null default 1, "tag_filter" jsonb null, "status" "evaluation_run_status" not null default 'queued', "total_count" int not null default 0, "scored_count" int not null default 0, "failed_count" int not null default 0, "summary" jsonb null, "error_message" text null, "idempotency_key" varchar(255) null, "parent_run_id" uuid null, "request_id" varchar(100) null, "created_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "evaluation_runs_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "evaluation_runs" add constraint "evaluation_runs_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "evaluation_runs_dataset_created_idx" on "evaluation_runs" ("dataset_id", "created_at");`);
    this.addSql(`create index "evaluation_runs_status_idx" on "evaluation_runs" ("status");`);

    this.addSql(
      `create table "evaluation_results" ("id" uuid not null, "run_id" uuid not null, "dataset_entry_id" uuid not null, "repetition" int not null default 0, "position" int not null, "execution_id" uuid null, "status" "evaluation_result_status" not null default 'pending', "scores" jsonb not null default '[]', "passed" boolean null, "score" double precision null, "latency_ms" int null, "total_tokens" int not null default 0, "cost_usd" numeric(16,8) null, "error_message" text null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "evaluation_results_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "evaluation_results_run_status_position_idx" on "evaluation_results" ("run_id", "status", "position");`);
    this.addSql(`create index "evaluation_results_execution_idx" on "evaluation_results" ("execution_id");`);
    this.addSql(
      `alter table "evaluation_results" add constraint "evaluation_results_run_entry_repetition_unique" unique ("run_id", "dataset_entry_id", "repetition");`,
    );

    this.addSql(
      `alter table "evaluation_runs" add constraint "evaluation_runs_dataset_id_foreign" foreign key ("dataset_id") references "prompt_datasets" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "evaluation_runs" add constraint "evaluation_runs_template_id_foreign" foreign key ("template_id") references "prompt_templates" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "evaluation_results" add constraint "evaluation_results_run_id_foreign" foreign key ("run_id") references "evaluation_runs" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "evaluation_results" add constraint "evaluation_results_dataset_entry_id_foreign" foreign key ("dataset_entry_id") references "prompt_dataset_entries" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "evaluation_results" add constraint "evaluation_results_execution_id_foreign" foreign key ("execution_id") references "prompt_executions" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "prompt_executions" add constraint "prompt_executions_run_id_foreign" foreign key ("run_id") references "evaluation_runs" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "prompt_executions" drop constraint "prompt_executions_run_id_foreign";`);

    this.addSql(`alter table "evaluation_results" drop constraint "evaluation_results_run_id_foreign";`);

    this.addSql(`drop table if exists "evaluation_runs" cascade;`);

    this.addSql(`drop table if exists "evaluation_results" cascade;`);

    this.addSql(`drop type "evaluation_run_status";`);
    this.addSql(`drop type "evaluation_result_status";`);
  }
}
