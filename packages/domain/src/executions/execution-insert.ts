import type { EntityManager } from '@mikro-orm/postgresql';
import { queryPrepared } from '@promptops/db';
import type { ExecutionDto, ExecutionRecord } from './execution-dto';

/** The columns a submission sets; every other column takes its database default. */
export type QueuedExecutionRow = Pick<
  ExecutionDto,
  | 'id'
  | 'kind'
  | 'template_id'
  | 'dataset_entry_id'
  | 'run_id'
  | 'repetition'
  | 'input_context'
  | 'provider'
  | 'model'
  | 'temperature'
  | 'max_tokens'
  | 'output_schema'
  | 'request_id'
> &
  Partial<Pick<ExecutionDto, 'rendered_system_prompt' | 'rendered_user_prompt'>> & { max_validation_retries: number; idempotency_key: string | null };

const COLUMNS = `id, kind, template_id, dataset_entry_id, run_id, repetition, input_context, provider, model, temperature, max_tokens,
  max_validation_retries, rendered_system_prompt, rendered_user_prompt, output_schema, idempotency_key, request_id`;

const INSERT_SQL = `insert into prompt_executions (${COLUMNS}, executed_at)
  select ${COLUMNS}, now() from jsonb_populate_recordset(null::prompt_executions, $1::jsonb) r
   where r.template_id is null or exists (select 1 from prompt_templates t where t.id = r.template_id and t.deleted_at is null)
  returning *`;

/** A prompt_executions row as PostgreSQL returns it: references under their column names. */
type InsertedRow = Omit<ExecutionRecord, 'template' | 'dataset_entry'> & { template_id: string | null; dataset_entry_id: string | null };

/**
 * Inserts queued executions in one statement, leaving out any whose template version was deleted
 * meanwhile (callers resolve versions from a cache; this keeps a deleted one from being used): a
 * batch of concurrent submissions costs one round trip and one commit. The rows travel as one JSON
 * array that PostgreSQL maps onto the table's column types, as a parameter of a prepared statement
 * rather than escaped into the SQL text. Within `em`'s transaction, when it has one (the claim of an
 * idempotency key). Raw: an INSERT ... SELECT with that guard, which neither em.insert nor the
 * QueryBuilder can express.
 */
export async function insertQueuedExecutions(em: EntityManager, rows: readonly QueuedExecutionRow[]): Promise<Map<string, ExecutionRecord>> {
  const inserted = await queryPrepared<InsertedRow>(em, 'execution_insert', INSERT_SQL, [JSON.stringify(rows)]);
  // Not em.map: hydrating entities into an identity map nobody reads cost more than the insert's
  // own CPU on every submission; the answer needs the columns, under the entity's names for its references.
  return new Map(
    inserted.map(({ template_id, dataset_entry_id, ...columns }) => [
      // Members first: see bench/README.md on object spreads.
      columns.id,
      { template: template_id ?? undefined, dataset_entry: dataset_entry_id ?? undefined, ...columns },
    ]),
  );
}
