import type { ExecutionAttempt, ExecutionKind, FailureKind } from '@promptops/db';
import { EXECUTIONS } from './execution-transitions';

/**
 * Every statement that changes an execution's state, one per transition of EXECUTIONS; nothing
 * else in the code base writes `status` (or the columns that travel with it) on prompt_executions.
 * Single-row statements run as named prepared statements (`$n`) or through MikroORM (`?`); the
 * builders at the end are the same transitions for many rows at once, composed into the run
 * driver's one round trip.
 */

const { from, to } = EXECUTIONS;

/** The columns a worker needs to run an execution. */
export interface ClaimedExecution {
  id: string;
  kind: ExecutionKind;
  template_id: string | null;
  input_context: Record<string, unknown>;
  provider: string;
  model: string;
  temperature: number | null;
  max_tokens: number | null;
  max_validation_retries: number;
  rendered_system_prompt: string | null;
  rendered_user_prompt: string | null;
  output_schema: Record<string, unknown> | null;
  attempt_log: ExecutionAttempt[];
  attempts: number;
  request_id: string | null;
  /** Evaluation run the execution belongs to. */
  run_id: string | null;
}

const CLAIMED_COLUMNS = Object.keys({
  id: 1,
  kind: 1,
  template_id: 1,
  input_context: 1,
  provider: 1,
  model: 1,
  temperature: 1,
  max_tokens: 1,
  max_validation_retries: 1,
  rendered_system_prompt: 1,
  rendered_user_prompt: 1,
  output_schema: 1,
  attempt_log: 1,
  attempts: 1,
  request_id: 1,
  run_id: 1,
} satisfies Record<keyof ClaimedExecution, 1>).join(', ');

/** What running an execution came to: the terminal state `finish` writes. */
export interface ExecutionResult {
  status: 'succeeded' | 'failed';
  failure_kind: FailureKind | null;
  error_message: string | null;
  rendered_system_prompt: string | null;
  rendered_user_prompt: string | null;
  response_text: string | null;
  parsed_output: unknown;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number | null;
  execution_time_ms: number;
  attempt_log: ExecutionAttempt[];
  generated_template_id?: string | null;
}

/** One element of the JSON array `finish` reads. */
export interface FinishedExecution extends ExecutionResult {
  execution_id: string;
  /** When the work really started and ended; by default when the row was claimed, and now. */
  started_at?: string;
  finished_at?: string;
}

/** The record type `jsonb_to_recordset` reads a FinishedExecution as; typed, so no field goes unwritten. */
const FINISH_RECORD: Record<keyof FinishedExecution, string> = {
  execution_id: 'uuid',
  status: 'execution_status',
  failure_kind: 'failure_kind',
  error_message: 'text',
  rendered_system_prompt: 'text',
  rendered_user_prompt: 'text',
  response_text: 'text',
  parsed_output: 'jsonb',
  prompt_tokens: 'int',
  completion_tokens: 'int',
  cost_usd: 'numeric',
  execution_time_ms: 'int',
  attempt_log: 'jsonb',
  generated_template_id: 'uuid',
  started_at: 'timestamptz',
  finished_at: 'timestamptz',
};
export const FINISH_RECORD_TYPE = Object.entries(FINISH_RECORD)
  .map(([column, type]) => `${column} ${type}`)
  .join(', ');
const COPIED_ON_FINISH = Object.keys(FINISH_RECORD).filter((column) => !['execution_id', 'started_at', 'finished_at'].includes(column));

/** A running row whose heartbeat is older than `seconds` (a parameter) belongs to a dead worker. */
const staleHeartbeat = (seconds: string) => `(heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${seconds}))`;

/**
 * The rows of `table` (alias `l`) matching `condition`, locked one after another in id order. A
 * statement that changes many rows joins this and so only ever touches rows it already locked: two
 * such statements over overlapping rows (a batched finish and a run's cancel) queue behind each
 * other instead of deadlocking, whatever plan each one gets. Not for rows every finish updates
 * (a template's use count): the UPDATE locks such a row a second time, and when another finish
 * queues on it in between, the two wait on each other.
 */
const lockedInIdOrder = (table: string, condition: string) => `(select l.id from ${table} l where ${condition} order by l.id for no key update)`;

/** A row `claim` may take: not started, or running under a worker whose heartbeat is `seconds` stale. */
const claimable = (row: string, seconds: string) =>
  `${row}.status ${from('claim')} and (${row}.status <> 'running' or ${staleHeartbeat(seconds).replaceAll('heartbeat_at', `${row}.heartbeat_at`)})`;

/**
 * claim, for every claimable row among the ids of the JSON array $1, for the worker $2; $3 seconds
 * after which a running row's heartbeat is stale. Rows are locked in id order (two workers'
 * claims of overlapping rows queue rather than deadlock), and rechecked once locked.
 */
export const CLAIM_SQL = `update prompt_executions e
    set status = ${to('claim')}, worker_id = $2, heartbeat_at = now(), started_at = coalesce(e.started_at, now())
   from ${lockedInIdOrder('prompt_executions', `l.id in (select jsonb_array_elements_text($1::jsonb)::uuid) and ${claimable('l', '$3')}`)} locked
  where e.id = locked.id and ${claimable('e', '$3')}
  returning ${CLAIMED_COLUMNS.split(', ')
    .map((column) => `e.${column}`)
    .join(', ')}`;

/** heartbeat. $1 id, $2 worker id. */
export const HEARTBEAT_SQL = `update prompt_executions set heartbeat_at = now() where id = $1 and worker_id = $2 and status ${from('heartbeat')}`;

/** release. $1 id, $2 worker id, $3 attempt log (JSON), $4 the error that made it retry. */
export const RELEASE_SQL = `update prompt_executions
    set status = ${to('release')}, worker_id = null, heartbeat_at = null, attempt_log = $3::jsonb,
        attempts = jsonb_array_length($3::jsonb), error_message = $4
  where id = $1 and worker_id = $2 and status ${from('release')}`;

/**
 * finish, for every FinishedExecution in the relation `input` (alias `i`) held by the worker whose
 * id is `worker` (a parameter). Returns the finished rows' id and template_id.
 */
export function finishFrom(input: string, worker: string): string {
  return `update prompt_executions e
       set ${COPIED_ON_FINISH.map((column) => `${column} = i.${column}`).join(', ')},
           total_tokens = i.prompt_tokens + i.completion_tokens, attempts = jsonb_array_length(i.attempt_log),
           started_at = coalesce(i.started_at, e.started_at), finished_at = coalesce(i.finished_at, now()),
           worker_id = null, heartbeat_at = null
      from ${input} i
      join ${lockedInIdOrder('prompt_executions', `l.id in (select execution_id from ${input}) and l.worker_id = ${worker} and l.status ${from('finish')}`)} locked
        on locked.id = i.execution_id
     where e.id = i.execution_id and e.worker_id = ${worker} and e.status ${from('finish')}
       and i.status ${EXECUTIONS.sqlIn(EXECUTIONS.transitions.finish.to)}
    returning e.id, e.template_id`;
}

/**
 * Counts one use of its template per row of `finished` (id, template_id), in the statement that
 * finished them. Every finish of a template updates its row, so it is locked once, by the UPDATE;
 * the statements that finish several rows at once (the run driver's) finish one run's, all of one
 * template.
 */
export function countTemplateUses(finished: string): string {
  return `update prompt_templates t set usage_count = usage_count + u.n, last_used_at = now()
      from (select template_id, count(*) as n from ${finished} group by template_id) u
     where t.id = u.template_id`;
}

/**
 * finish for rows of one template, counting its uses in the same statement (atomic, one round
 * trip, the template row locked only for that statement). $1 [FinishedExecution] (JSON), $2 worker id.
 */
export const FINISH_SQL = `with input as (select * from jsonb_to_recordset($1::jsonb) as i(${FINISH_RECORD_TYPE})),
  finished as (${finishFrom('input', '$2')}),
  used as (${countTemplateUses('finished')})
  select id from finished`;

const cancelWhere = (condition: string) => `update prompt_executions
    set status = ${to('cancel')}, failure_kind = 'cancelled', error_message = ?, finished_at = now(), worker_id = null, heartbeat_at = null
  where ${condition} and status ${from('cancel')}
  returning id`;

/** cancel. ? reason, ? id. */
export const CANCEL_SQL = cancelWhere('id = ?');

/** cancel, for every unfinished execution of a run. ? reason, ? run id. */
export const CANCEL_RUN_SQL = cancelWhere(`id in ${lockedInIdOrder('prompt_executions', `l.run_id = ? and l.status ${from('cancel')}`)}`);

/**
 * Unfinished executions outside evaluation runs (a run's belong to the worker driving it) that no
 * worker seems to hold: queued longer than a grace period, or running with a stale heartbeat.
 * ? grace seconds, ? stale seconds, ? limit.
 */
export const STRANDED_SQL = `select id, kind, status, enqueue_count, request_id from prompt_executions
  where run_id is null
    and ((status = 'queued' and executed_at < now() - make_interval(secs => ?))
         or (status = 'running' and ${staleHeartbeat('?')}))
  order by executed_at
  limit ?`;

/** recover, unless the row moved since it was seen. ? id, ? status seen, ? stale seconds. */
export const RECOVER_SQL = `update prompt_executions
    set status = ${to('recover')}, worker_id = null, heartbeat_at = null, enqueue_count = enqueue_count + 1
  where id = ? and status = ?::execution_status and status ${from('recover')} and (status <> 'running' or ${staleHeartbeat('?')})
  returning id`;

/** abandon. ? id. */
export const ABANDON_SQL = `update prompt_executions
    set status = ${to('abandon')}, failure_kind = 'provider', finished_at = now(), worker_id = null, heartbeat_at = null,
        error_message = coalesce(error_message || '; ', '') || 'gave up after ' || enqueue_count || ' re-enqueues'
  where id = ? and status ${from('abandon')}
  returning id`;

/** withdraw. ? worker id, ? execution ids (JSON array). */
export const WITHDRAW_SQL = `delete from prompt_executions
  where worker_id = ? and status ${from('withdraw')}
    and id in (select value::uuid from jsonb_array_elements_text(?::jsonb))`;

/**
 * dispatch: creates, already running under `worker`, the executions of the run items in `claimed`
 * (execution_id, dataset_entry_id, repetition), with the settings the run `run` (an id) pinned.
 */
export function dispatchFrom(claimed: string, run: string, worker: string): string {
  return `insert into prompt_executions (id, kind, template_id, dataset_entry_id, run_id, repetition, input_context, provider, model,
                                   temperature, max_tokens, max_validation_retries, output_schema, request_id, executed_at,
                                   status, worker_id, heartbeat_at, started_at)
    select c.execution_id, 'template', run.template_id, c.dataset_entry_id, run.id, c.repetition, d.input_data,
           run.execution_settings->>'provider', run.execution_settings->>'model',
           (run.execution_settings->>'temperature')::double precision, (run.execution_settings->>'max_tokens')::int,
           (run.execution_settings->>'max_validation_retries')::int,
           nullif(run.execution_settings->'output_schema', 'null'::jsonb), run.request_id, now(),
           ${to('dispatch')}, ${worker}, now(), now()
      from ${claimed} c
      join evaluation_runs run on run.id = ${run}
      join prompt_dataset_entries d on d.id = c.dataset_entry_id
    returning id`;
}

/** adopt: the unfinished executions of the run `run` become `worker`'s (both parameters). Returns id, input_context, attempt_log. */
export function adoptRunExecutions(worker: string, run: string): string {
  return `update prompt_executions
       set status = ${to('adopt')}, worker_id = ${worker}, heartbeat_at = now(), started_at = coalesce(started_at, now())
     where id in ${lockedInIdOrder('prompt_executions', `l.run_id = ${run} and l.status ${from('adopt')}`)} and status ${from('adopt')}
    returning id, input_context, attempt_log`;
}
