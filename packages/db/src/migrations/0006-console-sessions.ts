import { Migration } from '@mikro-orm/migrations';

/** Server-side sessions of the web console; the cookie holds a token whose SHA-256 is stored here. */
export class ConsoleSessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "console_sessions" ("id" uuid not null, "token_hash" varchar(64) not null, "api_key_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, constraint "console_sessions_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "console_sessions_api_key_idx" on "console_sessions" ("api_key_id");`);
    this.addSql(`create index "console_sessions_expires_idx" on "console_sessions" ("expires_at");`);
    this.addSql(`alter table "console_sessions" add constraint "console_sessions_token_hash_unique" unique ("token_hash");`);
    this.addSql(
      `alter table "console_sessions" add constraint "console_sessions_api_key_id_foreign" foreign key ("api_key_id") references "api_keys" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "console_sessions" cascade;`);
  }
}
