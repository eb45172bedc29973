import type { EntityManager } from '@mikro-orm/postgresql';
import { queryPrepared } from '@promptops/db';
import { EXECUTIONS, FINISH_RECORD_TYPE, adoptRunExecutions, countTemplateUses, dispatchFrom, finishFrom } from '../executions/lifecycle';
import type { ClaimedItem, FinishedItem, TakenRun } from './run-item';
import { ITEMS, RUNS } from './run-transitions';

/**
 * SQL with which one worker drives a run. Each statement is atomic on its own, so a crash between
 * two of them leaves PostgreSQL consistent: an item is `running` together with its execution row,
 * and an execution's terminal state is written in the same statement as its item's result. What
 * they do to executions is built from the execution lifecycle's own statements. They run as named
 * prepared statements (`$n`, see queryPrepared), except the one inside a caller's transaction; the
 * functions at the end are their typed entry points, the only way the driver reaches them.
 */

/**
 * Takes the run (queued or already running) for this worker and returns what every execution of
 * it is created with. $1 run id.
 */
const TAKE_RUN_SQL = `update evaluation_runs
    set status = ${RUNS.to('take')}, started_at = coalesce(started_at, now()), heartbeat_at = now()
  where id = $1 and status ${RUNS.from('take')}
  returning template_id, execution_settings, scorers, concurrency, request_id`;

/**
 * Settles the items a previous driver left whose executions are no longer in flight: one cancelled
 * on its own (the driver died before recording it) is recorded as failed, as ADVANCE_SQL would
 * have; one whose execution row is gone never ran and goes back to pending. Without this, such an
 * item would stay running and the run could never finish. $1 run id.
 */
const SETTLE_ORPHANED_ITEMS_SQL = `with orphaned as (
    select r.id, e.status as execution_status, e.finished_at, e.execution_time_ms, e.total_tokens, e.cost_usd
      from evaluation_results r
      left join prompt_executions e on e.id = r.execution_id
     where r.run_id = $1 and r.status ${ITEMS.from('settle')} and (e.id is null or e.status not ${EXECUTIONS.sqlIn(EXECUTIONS.live)})
       for update of r
  ), failed as (
    update evaluation_results r
       set status = ${ITEMS.to('settle')}, scores = '[]'::jsonb, passed = false, score = 0,
           error_message = case when o.execution_status = 'cancelled' then 'cancelled: the execution was cancelled'
             else 'the execution ended (' || o.execution_status || ') without its result being recorded; re-run failed items to run it again' end,
           latency_ms = o.execution_time_ms, total_tokens = coalesce(o.total_tokens, 0), cost_usd = o.cost_usd,
           finished_at = coalesce(o.finished_at, now())
      from orphaned o
     where r.id = o.id and o.execution_status is not null
    returning r.id
  ), never_ran as (
    update evaluation_results r set status = ${ITEMS.to('release')}, execution_id = null, started_at = null
      from orphaned o
     where r.id = o.id and o.execution_status is null
  )
  update evaluation_runs set failed_count = failed_count + (select count(*) from failed) where id = $1`;

/**
 * Adopts the items a previous driver of this run left in flight (it died, or lost its job):
 * their executions become this worker's, keeping the attempts they already made, and are run
 * again under the same ids, so an item never gets a second execution. $1 worker id, $2 run id.
 */
const ADOPT_ITEMS_SQL = `with adopted as (${adoptRunExecutions('$1', '$2')})
  select r.id as result_id, a.id as execution_id, a.input_context, a.attempt_log, d.expected_output
    from adopted a
    join evaluation_results r on r.execution_id = a.id and r.status = 'running'
    join prompt_dataset_entries d on d.id = r.dataset_entry_id`;

/**
 * Records finished items and claims new ones in one round trip:
 * - finishes each item's execution, if the execution is still this worker's;
 * - records its item's result (an execution cancelled on its own records its item as failed);
 * - counts the template's uses and the run's scored and failed items, and beats the run's heart;
 * - claims up to `limit` pending items (oldest first; SKIP LOCKED, so concurrent claimers never
 *   take the same one) while the run is still running, dispatching their executions as running.
 * Items record when they really started and finished (a claimed item may wait a moment for a free
 * slot), so the timestamps show the run's concurrency as it was.
 * Params: $1 finished items (JSON), $2 worker id, $3 run id, $4 how many items to claim.
 */
const ADVANCE_SQL = `with input as (
    select * from jsonb_to_recordset($1::jsonb) as i(${FINISH_RECORD_TYPE},
      result_id uuid, result_status evaluation_result_status, scores jsonb, passed boolean, score double precision, result_error text)
  ), finished as (${finishFrom('input', '$2')}
  ), recorded as (
    update evaluation_results r
       set status = case when f.id is null then 'failed' else i.result_status end,
           scores = case when f.id is null then '[]'::jsonb else i.scores end,
           passed = case when f.id is null then false else i.passed end,
           score = case when f.id is null then 0 else i.score end,
           error_message = case when f.id is null then 'cancelled: the execution was cancelled' else i.result_error end,
           latency_ms = i.execution_time_ms, total_tokens = i.prompt_tokens + i.completion_tokens, cost_usd = i.cost_usd,
           started_at = i.started_at, finished_at = i.finished_at
      from input i
      left join finished f on f.id = i.execution_id
      join prompt_executions e on e.id = i.execution_id
     where r.id = i.result_id and r.execution_id = i.execution_id and r.status ${ITEMS.from('record')}
       and (f.id is not null or e.status = 'cancelled')
    returning r.status
  ), used as (${countTemplateUses('finished')}
  ), counted as (
    update evaluation_runs
       set scored_count = scored_count + (select count(*) from recorded where status = 'scored'),
           failed_count = failed_count + (select count(*) from recorded where status = 'failed'),
           heartbeat_at = now()
     where id = $3
    returning status, total_count, scored_count, failed_count
  ), next_items as (
    select r.id from evaluation_results r
     where r.run_id = $3 and r.status ${ITEMS.from('claim')}
       and exists (select 1 from evaluation_runs where id = r.run_id and status = 'running')
     order by r.position limit $4
       for update skip locked
  ), claimed as (
    update evaluation_results r set status = ${ITEMS.to('claim')}, execution_id = gen_random_uuid(), started_at = now()
      from next_items n where r.id = n.id
    returning r.id, r.execution_id, r.dataset_entry_id, r.repetition
  ), dispatched as (${dispatchFrom('claimed', '$3', '$2')}
  )
  select (select row_to_json(counted) from counted) as run,
         coalesce((select json_agg(json_build_object('result_id', c.id, 'execution_id', c.execution_id,
                                                    'input_context', d.input_data, 'expected_output', d.expected_output))
                     from claimed c
                     join dispatched x on x.id = c.execution_id
                     join prompt_dataset_entries d on d.id = c.dataset_entry_id), '[]'::json) as claimed`;

/**
 * Proves the driver alive to the reconciler while no item finishes, and learns whether the run was
 * cancelled meanwhile. $1 run id.
 */
const HEARTBEAT_SQL = `update evaluation_runs set heartbeat_at = now() where id = $1 returning status`;

/** Puts items claimed ahead but never started back to pending. ? run id, ? execution ids (JSON). */
const RELEASE_RESULTS_SQL = `update evaluation_results set status = ${ITEMS.to('release')}, execution_id = null, started_at = null
  where run_id = ? and status ${ITEMS.from('release')}
    and execution_id in (select value::uuid from jsonb_array_elements_text(?::jsonb))`;

/** What one ADVANCE_SQL round trip answers: the run's counts (null once it is gone) and the items claimed. */
export interface AdvanceRow {
  run: { status: string; total_count: number; scored_count: number; failed_count: number } | null;
  claimed: ClaimedItem[];
}

/** TAKE_RUN_SQL: undefined when the run is gone or no longer takeable. */
export async function takeRun(em: EntityManager, runId: string): Promise<TakenRun | undefined> {
  return (await queryPrepared<TakenRun>(em, 'run_take', TAKE_RUN_SQL, [runId]))[0];
}

export async function settleOrphanedItems(em: EntityManager, runId: string): Promise<void> {
  await queryPrepared(em, 'run_settle_orphaned', SETTLE_ORPHANED_ITEMS_SQL, [runId]);
}

export function adoptItems(em: EntityManager, workerId: string, runId: string): Promise<ClaimedItem[]> {
  return queryPrepared<ClaimedItem>(em, 'run_adopt', ADOPT_ITEMS_SQL, [workerId, runId]);
}

export async function advanceRun(em: EntityManager, finished: FinishedItem[], workerId: string, runId: string, limit: number): Promise<AdvanceRow> {
  const [row] = await queryPrepared<AdvanceRow>(em, 'run_advance', ADVANCE_SQL, [JSON.stringify(finished), workerId, runId, limit]);
  return row ?? { run: null, claimed: [] };
}

/** HEARTBEAT_SQL: the run's status, undefined once it is gone. */
export async function beatRunHeart(em: EntityManager, runId: string): Promise<string | undefined> {
  return (await queryPrepared<{ status: string }>(em, 'run_heartbeat', HEARTBEAT_SQL, [runId]))[0]?.status;
}

/** RELEASE_RESULTS_SQL, inside `tx` (the withdrawal of the items' executions commits with it). */
export async function releaseResults(tx: EntityManager, runId: string, executionIds: string[]): Promise<void> {
  await tx.getConnection().execute(RELEASE_RESULTS_SQL, [runId, JSON.stringify(executionIds)], 'run', tx.getTransactionContext());
}
