import type { EntityManager } from '@mikro-orm/postgresql';
import { EvaluationRun, type EvaluationResultStatus } from '@promptops/db';
import { PromptTemplateNotFoundError } from '@promptops/errors';
import type { Page, PageRequest } from '../pagination';
import type { ResultFilter, ResultView, RunListFilter, RunProgressView, RunView } from './evaluation-types';
import { summariseRun, type RunSummary } from './run-summary';
import { RUNS } from './run-transitions';
import type { ScorerConfig } from './scorers/scorer-types';

const iso = (value: Date | null | undefined) => (value ? new Date(value).toISOString() : null);

export async function requireRun(em: EntityManager, id: string): Promise<EvaluationRun> {
  const run = await em.findOne(EvaluationRun, { id });
  if (!run) throw new PromptTemplateNotFoundError(`Run ${id} not found`, { id });
  return run;
}

async function progressOf(em: EntityManager, runIds: string[]): Promise<Map<string, RunProgressView>> {
  const rows = runIds.length === 0 ? [] : await em.getConnection().execute<{ run_id: string; status: EvaluationResultStatus; n: string }[]>(
    `select run_id, status, count(*) as n from evaluation_results where run_id in (${runIds.map(() => '?').join(',')}) group by run_id, status`,
    runIds,
  );
  const byRun = new Map<string, RunProgressView>(runIds.map((id) => [id, { total: 0, done: 0, scored: 0, failed: 0, running: 0, pending: 0, cancelled: 0 }]));
  for (const row of rows) {
    const progress = byRun.get(row.run_id);
    if (!progress) continue;
    const n = Number(row.n);
    progress[row.status] += n;
    progress.total += n;
    if (row.status === 'scored' || row.status === 'failed') progress.done += n;
  }
  return byRun;
}

function toRunView(run: EvaluationRun, progress: RunProgressView, summary: RunSummary): RunView {
  return {
    id: run.id,
    dataset_id: run.dataset,
    template_id: run.template,
    template_ref: run.template_ref,
    status: run.status,
    scorers: run.scorers as unknown as ScorerConfig[],
    concurrency: run.concurrency,
    repetitions: run.repetitions,
    tags: run.tag_filter?.tags ?? null,
    tag_match: run.tag_filter?.match ?? null,
    provider: run.execution_settings.provider,
    model: run.execution_settings.model,
    parent_run_id: run.parent_run_id ?? null,
    progress,
    summary,
    error_message: run.error_message ?? null,
    request_id: run.request_id ?? null,
    created_at: iso(run.created_at) as string,
    started_at: iso(run.started_at),
    finished_at: iso(run.finished_at),
  };
}

/** A run's view; the summary is computed live until the run is terminal, then read as stored. */
export async function describeRun(em: EntityManager, run: EvaluationRun): Promise<RunView> {
  const [progress, summary] = await Promise.all([
    progressOf(em, [run.id]),
    RUNS.isLive(run.status) || !run.summary ? summariseRun(em, run.id) : Promise.resolve(run.summary as unknown as RunSummary),
  ]);
  return toRunView(run, progress.get(run.id) as RunProgressView, summary);
}

/** Runs newest first, of one dataset or of all. Live runs get live summaries; a page holds few of them. */
export async function listRuns(em: EntityManager, filter: RunListFilter, page: PageRequest): Promise<Page<RunView>> {
  const where = { ...(filter.dataset_id ? { dataset: filter.dataset_id } : {}), ...(filter.status ? { status: filter.status } : {}) };
  const [runs, total] = await em.findAndCount(EvaluationRun, where, { orderBy: { created_at: 'desc', id: 'desc' }, limit: page.limit, offset: page.offset });
  const items = await Promise.all(runs.map((run) => describeRun(em, run)));
  return { items, total, limit: page.limit, offset: page.offset };
}

interface ResultRow {
  id: string;
  dataset_entry_id: string;
  repetition: number;
  status: EvaluationResultStatus;
  execution_id: string | null;
  input_data: Record<string, unknown>;
  expected_output: unknown;
  structured: boolean | null;
  response_text: string | null;
  parsed_output: unknown;
  scores: ResultView['scores'];
  passed: boolean | null;
  score: number | null;
  latency_ms: number | null;
  total_tokens: number;
  cost_usd: string | null;
  error_message: string | null;
  finished_at: Date | null;
  total: string;
}

/** One page of a run's items in dispatch order, each with its input, expected output, output and scores. */
export async function listResults(em: EntityManager, runId: string, filter: ResultFilter): Promise<Page<ResultView>> {
  await requireRun(em, runId);
  const conditions = ['r.run_id = ?'];
  const params: unknown[] = [runId];
  if (filter.status) {
    conditions.push('r.status = ?');
    params.push(filter.status);
  }
  if (filter.passed !== undefined) conditions.push(filter.passed ? 'r.passed' : `(r.passed = false or r.status = 'failed')`);
  if (filter.dataset_entry_ids) {
    conditions.push(`r.dataset_entry_id in (${filter.dataset_entry_ids.map(() => '?').join(',') || 'null'})`);
    params.push(...filter.dataset_entry_ids);
  }
  const rows = await em.getConnection().execute<ResultRow[]>(
    `select r.id, r.dataset_entry_id, r.repetition, r.status, r.execution_id, d.input_data, d.expected_output,
            e.output_schema is not null as structured, e.response_text, e.parsed_output, r.scores, r.passed, r.score,
            r.latency_ms, r.total_tokens, r.cost_usd, r.error_message, r.finished_at, count(*) over () as total
       from evaluation_results r
       join prompt_dataset_entries d on d.id = r.dataset_entry_id
       left join prompt_executions e on e.id = r.execution_id
      where ${conditions.join(' and ')}
      order by r.position
      limit ? offset ?`,
    [...params, filter.limit, filter.offset],
  );
  const items = rows.map(({ total: _total, input_data, structured, response_text, parsed_output, cost_usd, finished_at, ...row }) => ({
    ...row,
    input: input_data,
    output: structured ? parsed_output : (response_text ?? null),
    cost_usd: cost_usd === null ? null : Number(cost_usd),
    finished_at: iso(finished_at),
  }));
  const total = rows[0] ? Number(rows[0].total) : filter.offset === 0 ? 0 : await countResults(em, conditions, params);
  return { items, total, limit: filter.limit, offset: filter.offset };
}

async function countResults(em: EntityManager, conditions: string[], params: unknown[]): Promise<number> {
  const [row] = await em.getConnection().execute<{ n: string }[]>(`select count(*) as n from evaluation_results r where ${conditions.join(' and ')}`, params);
  return Number(row?.n ?? 0);
}
