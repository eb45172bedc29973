import type { EntityDictionary, EntityManager } from '@mikro-orm/postgresql';
import { PromptExecution } from '@promptops/db';
import type { ExecutionDto } from './execution-dto';

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

/**
 * Inserts a queued execution in one statement, unless its template version was deleted meanwhile
 * (callers resolve versions from a cache; this keeps a deleted one from being used). The row
 * travels as one JSON document that PostgreSQL maps onto the table's column types. Within `em`'s
 * transaction, when it has one (the claim of an idempotency key). Raw: an INSERT ... SELECT with
 * that guard, which neither em.insert nor the QueryBuilder can express.
 */
export async function insertQueuedExecution(em: EntityManager, row: QueuedExecutionRow): Promise<PromptExecution | null> {
  const [inserted] = await em.getConnection().execute<EntityDictionary<PromptExecution>[]>(
    `insert into prompt_executions (${COLUMNS}, executed_at)
     select ${COLUMNS}, now() from jsonb_populate_record(null::prompt_executions, ?::jsonb) r
      where r.template_id is null or exists (select 1 from prompt_templates t where t.id = r.template_id and t.deleted_at is null)
     returning *`,
    [JSON.stringify(row)],
    'all',
    em.getTransactionContext(),
  );
  // em.map turns column names (template_id) into properties and converts types as a find would.
  return inserted ? em.map(PromptExecution, inserted) : null;
}
