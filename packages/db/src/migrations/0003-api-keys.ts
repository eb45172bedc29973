import { Migration } from '@mikro-orm/migrations';

export class ApiKeys extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_keys" ("id" uuid not null, "name" varchar(100) not null, "scopes" text[] not null, "key_hash" varchar(64) not null, "key_prefix" varchar(40) not null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "api_keys_active_idx" on "api_keys" ("revoked_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_keys" cascade;`);
  }
}
