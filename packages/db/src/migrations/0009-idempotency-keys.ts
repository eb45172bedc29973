import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency keys scoped to the route and resource they were sent to, bound to a fingerprint of the
 * request body and lapsing after a while, in a table of their own. The keys kept on executions and
 * runs were global and body-blind, so they are not carried over: they stop deduplicating here,
 * and stay on their rows as a record of what each was submitted with.
 */
export class IdempotencyKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_keys" ("scope" text not null, "key" varchar(255) not null, "fingerprint" varchar(64) not null, "execution_id" uuid null, "run_id" uuid null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "idempotency_keys_pkey" primary key ("scope", "key"));`,
    );
    this.addSql(`create index "idempotency_keys_expires_idx" on "idempotency_keys" ("expires_at");`);
    this.addSql(`create index "idempotency_keys_execution_idx" on "idempotency_keys" ("execution_id");`);
    this.addSql(`create index "idempotency_keys_run_idx" on "idempotency_keys" ("run_id");`);
    this.addSql(
      `alter table "idempotency_keys" add constraint "idempotency_keys_execution_id_foreign" foreign key ("execution_id") references "prompt_executions" ("id") on update cascade on delete cascade deferrable initially deferred;`,
    );
    this.addSql(
      `alter table "idempotency_keys" add constraint "idempotency_keys_run_id_foreign" foreign key ("run_id") references "evaluation_runs" ("id") on update cascade on delete cascade deferrable initially deferred;`,
    );
    this.addSql(`alter table "prompt_executions" drop constraint "prompt_executions_idempotency_key_unique";`);
    this.addSql(`alter table "evaluation_runs" drop constraint "evaluation_runs_idempotency_key_unique";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_keys" cascade;`);
    this.addSql(`alter table "prompt_executions" add constraint "prompt_executions_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`alter table "evaluation_runs" add constraint "evaluation_runs_idempotency_key_unique" unique ("idempotency_key");`);
  }
}
