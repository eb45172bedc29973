import { Migration } from '@mikro-orm/migrations';

/** A run is driven by one worker at a time; its heartbeat tells the reconciler whether that worker lives. */
export class RunHeartbeat extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "evaluation_runs" add column "heartbeat_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "evaluation_runs" drop column "heartbeat_at";`);
  }
}
