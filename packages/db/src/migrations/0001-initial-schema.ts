import { Migration } from '@mikro-orm/migrations';

export class InitialSchema extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "template_category" as enum ('chat', 'auto_issue', 'feedback_issue', 'documentation', 'readme_update', 'sub_issue', 'generation', 'evaluation', 'other');`,
    );
    this.addSql(`create type "schema_type" as enum ('input', 'output');`);
    this.addSql(`create type "execution_kind" as enum ('template', 'raw', 'generation');`);
    this.addSql(`create type "execution_status" as enum ('queued', 'running', 'succeeded', 'failed', 'cancelled');`);
    this.addSql(`create type "failure_kind" as enum ('render', 'validation', 'provider', 'timeout', 'cancelled');`);
    this.addSql(
      `create table "prompt_templates" ("id" uuid not null, "name" varchar(200) not null, "category" "template_category" not null default 'other', "description" text not null default '', "system_prompt" text not null default '', "user_prompt_template" text not null, "model" varchar(200) not null default '', "provider" varchar(40) not null default 'auto', "temperature" double precision not null default 0.7, "max_tokens" int null, "max_validation_retries" int not null default 2, "version_number" int not null, "parent_version" int null, "source_template_id" uuid null, "is_active" boolean not null default true, "usage_count" int not null default 0, "last_used_at" timestamptz null, "deleted_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "prompt_templates_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "prompt_templates_category_active_idx" on "prompt_templates" ("category", "is_active");`);
    this.addSql(`create index "prompt_templates_name_version_desc_idx" on "prompt_templates" ("name", "version_number" desc);`);
    this.addSql(`alter table "prompt_templates" add constraint "prompt_templates_name_version_unique" unique ("name", "version_number");`);

    this.addSql(
      `create table "prompt_schemas" ("id" uuid not null, "name" varchar(200) not null, "schema_type" "schema_type" not null, "schema_json" jsonb not null, "template_id" uuid not null, "created_at" timestamptz not null, constraint "prompt_schemas_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "prompt_schemas_template_type_idx" on "prompt_schemas" ("template_id", "schema_type");`);
    this.addSql(`alter table "prompt_schemas" add constraint "prompt_schemas_template_type_unique" unique ("template_id", "schema_type");`);

    this.addSql(
      `create table "prompt_datasets" ("id" uuid not null, "name" varchar(200) not null, "description" text not null default '', "template_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "prompt_datasets_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "prompt_datasets" add constraint "prompt_datasets_name_unique" unique ("name");`);
    this.addSql(`create index "prompt_datasets_template_idx" on "prompt_datasets" ("template_id");`);

    this.addSql(
      `create table "prompt_dataset_entries" ("id" uuid not null, "dataset_id" uuid not null, "input_data" jsonb not null, "expected_output" jsonb null, "tags" text[] not null default '{}', "created_at" timestamptz not null, constraint "prompt_dataset_entries_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "prompt_dataset_entries_dataset_created_idx" on "prompt_dataset_entries" ("dataset_id", "created_at");`);

    this.addSql(
      `create table "prompt_executions" ("id" uuid not null, "kind" "execution_kind" not null default 'template', "template_id" uuid null, "dataset_entry_id" uuid null, "run_id" uuid null, "repetition" int not null default 0, "input_context" jsonb not null, "provider" varchar(40) not null, "model" varchar(200) not null, "temperature" double precision null, "max_tokens" int null, "max_validation_retries" int not null default 2, "rendered_system_prompt" text null, "rendered_user_prompt" text null, "output_schema" jsonb null, "response_text" text null, "parsed_output" jsonb null, "prompt_tokens" int not null default 0, "completion_tokens" int not null default 0, "total_tokens" int not null default 0, "cost_usd" numeric(16,8) null, "execution_time_ms" int null, "status" "execution_status" not null default 'queued', "failure_kind" "failure_kind" null, "error_message" text null, "attempts" int not null default 0, "attempt_log" jsonb not null default '[]', "idempotency_key" varchar(255) null, "request_id" varchar(100) null, "generated_template_id" uuid null, "worker_id" varchar(100) null, "heartbeat_at" timestamptz null, "enqueue_count" int not null default 0, "executed_at" timestamptz not null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "prompt_executions_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "prompt_executions" add constraint "prompt_executions_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "prompt_executions_template_executed_idx" on "prompt_executions" ("template_id", "executed_at");`);
    this.addSql(`create index "prompt_executions_status_executed_idx" on "prompt_executions" ("status", "executed_at");`);
    this.addSql(`create index "prompt_executions_run_idx" on "prompt_executions" ("run_id");`);
    this.addSql(
      `alter table "prompt_executions" add constraint "prompt_executions_run_entry_repetition_unique" unique ("run_id", "dataset_entry_id", "repetition");`,
    );

    this.addSql(
      `alter table "prompt_schemas" add constraint "prompt_schemas_template_id_foreign" foreign key ("template_id") references "prompt_templates" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "prompt_datasets" add constraint "prompt_datasets_template_id_foreign" foreign key ("template_id") references "prompt_templates" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "prompt_dataset_entries" add constraint "prompt_dataset_entries_dataset_id_foreign" foreign key ("dataset_id") references "prompt_datasets" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "prompt_executions" add constraint "prompt_executions_template_id_foreign" foreign key ("template_id") references "prompt_templates" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "prompt_executions" add constraint "prompt_executions_dataset_entry_id_foreign" foreign key ("dataset_entry_id") references "prompt_dataset_entries" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "prompt_schemas" drop constraint "prompt_schemas_template_id_foreign";`);

    this.addSql(`alter table "prompt_datasets" drop constraint "prompt_datasets_template_id_foreign";`);

    this.addSql(`alter table "prompt_executions" drop constraint "prompt_executions_template_id_foreign";`);

    this.addSql(`alter table "prompt_dataset_entries" drop constraint "prompt_dataset_entries_dataset_id_foreign";`);

    this.addSql(`alter table "prompt_executions" drop constraint "prompt_executions_dataset_entry_id_foreign";`);

    this.addSql(`drop table if exists "prompt_templates" cascade;`);

    this.addSql(`drop table if exists "prompt_schemas" cascade;`);

    this.addSql(`drop table if exists "prompt_datasets" cascade;`);

    this.addSql(`drop table if exists "prompt_dataset_entries" cascade;`);

    this.addSql(`drop table if exists "prompt_executions" cascade;`);

    this.addSql(`drop type "template_category";`);
    this.addSql(`drop type "schema_type";`);
    this.addSql(`drop type "execution_kind";`);
    this.addSql(`drop type "execution_status";`);
    this.addSql(`drop type "failure_kind";`);
  }
}
