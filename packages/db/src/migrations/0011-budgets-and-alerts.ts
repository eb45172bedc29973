import { Migration } from '@mikro-orm/migrations';

/**
 * Budgets, alert rules, the alerts they fire, signed webhooks and the log of every delivery.
 * `alerts_once_unique` is what makes "once per threshold and period" hold whatever number of
 * evaluators race: each inserts with ON CONFLICT DO NOTHING RETURNING, and only the one that got a
 * row back notifies. Alert rules read raw executions over their window, by finished_at.
 */
export class BudgetsAndAlerts extends Migration {
  override async up(): Promise<void> {
    const scope = `"scope_kind" text not null check ("scope_kind" in ('global', 'template', 'provider')), "scope_value" text not null default ''`;
    this.addSql(
      `create table "budgets" ("id" uuid not null, "name" varchar(100) not null, ${scope}, "period" text not null check ("period" in ('day', 'month')), "metric" text not null check ("metric" in ('usd', 'tokens')), "amount" numeric(20,8) not null check ("amount" > 0), "thresholds" integer[] not null, "hard_limit" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "budgets_pkey" primary key ("id"), constraint "budgets_name_unique" unique ("name"));`,
    );
    this.addSql(
      `create table "alert_rules" ("id" uuid not null, "name" varchar(100) not null, "metric" text not null check ("metric" in ('failure_rate', 'p95_latency_ms')), ${scope}, "window_minutes" integer not null check ("window_minutes" > 0), "threshold" double precision not null, "min_executions" integer not null default 1, "cooldown_minutes" integer not null check ("cooldown_minutes" > 0), "enabled" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "alert_rules_pkey" primary key ("id"), constraint "alert_rules_name_unique" unique ("name"));`,
    );
    this.addSql(
      `create table "alerts" ("id" uuid not null, "kind" text not null check ("kind" in ('budget', 'failure_rate', 'p95_latency_ms')), "subject_id" uuid not null, "subject_name" varchar(100) not null, "budget_id" uuid null, "rule_id" uuid null, "period_start" timestamptz not null, "threshold" double precision not null, "observed" double precision not null, "message" text not null, "created_at" timestamptz not null, "acknowledged_at" timestamptz null, constraint "alerts_pkey" primary key ("id"), constraint "alerts_once_unique" unique ("subject_id", "period_start", "threshold"));`,
    );
    this.addSql(`create index "alerts_created_idx" on "alerts" ("created_at");`);
    this.addSql(`create index "alerts_unacknowledged_idx" on "alerts" ("created_at") where "acknowledged_at" is null;`);
    this.addSql(
      `alter table "alerts" add constraint "alerts_budget_id_foreign" foreign key ("budget_id") references "budgets" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "alerts" add constraint "alerts_rule_id_foreign" foreign key ("rule_id") references "alert_rules" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `create table "webhooks" ("id" uuid not null, "url" text not null, "description" text not null default '', "enabled" boolean not null default true, "secret_ciphertext" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "webhooks_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "webhook_deliveries" ("id" uuid not null, "webhook_id" uuid not null, "alert_id" uuid null, "event" text not null check ("event" in ('alert', 'test')), "attempt" integer not null, "outcome" text not null check ("outcome" in ('delivered', 'retrying', 'failed')), "status_code" integer null, "response_excerpt" text null, "error" text null, "duration_ms" integer not null, "created_at" timestamptz not null, constraint "webhook_deliveries_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_deliveries_webhook_idx" on "webhook_deliveries" ("webhook_id", "created_at");`);
    this.addSql(`create index "webhook_deliveries_alert_idx" on "webhook_deliveries" ("alert_id");`);
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_webhook_id_foreign" foreign key ("webhook_id") references "webhooks" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_alert_id_foreign" foreign key ("alert_id") references "alerts" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(`create index if not exists "prompt_executions_finished_idx" on "prompt_executions" ("finished_at") where "finished_at" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "prompt_executions_finished_idx";`);
    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);
    this.addSql(`drop table if exists "webhooks" cascade;`);
    this.addSql(`drop table if exists "alerts" cascade;`);
    this.addSql(`drop table if exists "alert_rules" cascade;`);
    this.addSql(`drop table if exists "budgets" cascade;`);
  }
}
