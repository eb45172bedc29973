/**
 * SQL that moves a run forward. Each statement is atomic on its own, so a crash between two of
 * them leaves PostgreSQL consistent: a result is never `running` without its execution row.
 */

/**
 * CTEs `next_items`, `claimed` and `dispatched`: claim up to `limitSql` pending items of run
 * `runIdSql` (oldest position first; SKIP LOCKED so concurrent claimers never take the same item)
 * and create their queued executions from the run's settings snapshot, in the same statement.
 */
export function dispatchCtes(runIdSql: string, limitSql: string): string {
  return `next_items as (
    select id from evaluation_results
     where run_id = ${runIdSql} and status = 'pending'
       and exists (select 1 from evaluation_runs where id = ${runIdSql} and status = 'running')
     order by position limit ${limitSql}
       for update skip locked
  ), claimed as (
    update evaluation_results r set status = 'running', execution_id = gen_random_uuid(), started_at = now()
      from next_items where r.id = next_items.id
    returning r.execution_id, r.dataset_entry_id, r.repetition, r.run_id
  ), dispatched as (
    insert into prompt_executions (id, kind, template_id, dataset_entry_id, run_id, repetition, input_context, provider, model,
                                   temperature, max_tokens, max_validation_retries, output_schema, request_id, executed_at)
    select c.execution_id, 'template', run.template_id, c.dataset_entry_id, run.id, c.repetition, e.input_data,
           run.execution_settings->>'provider', run.execution_settings->>'model',
           (run.execution_settings->>'temperature')::double precision, (run.execution_settings->>'max_tokens')::int,
           (run.execution_settings->>'max_validation_retries')::int,
           nullif(run.execution_settings->'output_schema', 'null'::jsonb), run.request_id, now()
      from claimed c
      join evaluation_runs run on run.id = c.run_id
      join prompt_dataset_entries e on e.id = c.dataset_entry_id
    returning id
  )`;
}

/** Dispatches up to `limit` pending items of a running run. Params: run id, run id, limit. */
export const DISPATCH_SQL = `with ${dispatchCtes('?', '?')}
  select coalesce((select array_agg(id::text) from dispatched), '{}') as dispatched`;

/**
 * Records one item's outcome, bumps the run's counters and dispatches exactly one next item, so
 * the run keeps `concurrency` executions in flight without any lock held across items.
 * Params: status, scores, passed, score, latency, tokens, cost, error, result id, +scored, +failed.
 */
export const RECORD_AND_ADVANCE_SQL = `with recorded as (
    update evaluation_results
       set status = ?, scores = ?::jsonb, passed = ?, score = ?, latency_ms = ?, total_tokens = ?, cost_usd = ?,
           error_message = ?, finished_at = now()
     where id = ? and status = 'running'
    returning run_id
  ), counted as (
    update evaluation_runs set scored_count = scored_count + ?, failed_count = failed_count + ?
     where id = (select run_id from recorded)
    returning id, total_count, scored_count, failed_count, request_id
  ), ${dispatchCtes('(select run_id from recorded)', '1')}
  select c.id, c.total_count, c.scored_count, c.failed_count, c.request_id,
         coalesce((select array_agg(id::text) from dispatched), '{}') as dispatched
    from counted c`;

/** What the worker needs to score a finished execution that belongs to a run. */
export const FINISHED_ITEM_SQL = `select r.id as result_id, r.run_id, r.status as result_status, e.status, e.failure_kind, e.error_message,
         e.response_text, e.parsed_output, e.output_schema is not null as structured, e.execution_time_ms,
         e.total_tokens, e.cost_usd, d.input_data, d.expected_output
    from prompt_executions e
    join evaluation_results r on r.execution_id = e.id
    join prompt_dataset_entries d on d.id = r.dataset_entry_id
   where e.id = ? and e.run_id is not null`;
