import { Migration } from '@mikro-orm/migrations';

/**
 * An evaluation item keeps at most one execution that is not cancelled: a resumed run gives its
 * cancelled items new executions, and the cancelled ones stay as the run's history.
 */
export class RunItemExecutionsUnlessCancelled extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "prompt_executions" drop constraint "prompt_executions_run_entry_repetition_unique";`);
    this.addSql(
      `create unique index "prompt_executions_run_item_unique" on "prompt_executions" ("run_id", "dataset_entry_id", "repetition") where "status" <> 'cancelled';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "prompt_executions_run_item_unique";`);
    this.addSql(
      `alter table "prompt_executions" add constraint "prompt_executions_run_entry_repetition_unique" unique ("run_id", "dataset_entry_id", "repetition");`,
    );
  }
}
