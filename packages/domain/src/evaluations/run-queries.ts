import { raw, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { EvaluationResult, EvaluationRun, type EvaluationResultStatus } from '@promptops/db';
import { NotFoundError } from '@promptops/errors';
import type { Page, PageRequest } from '../pagination';
import { RunSummarySchema, ScorerConfigSchema, type RunSummary } from '@promptops/validators';
import type { ResultFilter, ResultView, RunListFilter, RunProgressView, RunView } from './evaluation-types';
import { summariseRun } from './run-summary';
import { RUNS } from './run-transitions';

const iso = (value: Date | null | undefined) => (value ? new Date(value).toISOString() : null);

export async function requireRun(em: EntityManager, id: string): Promise<EvaluationRun> {
  const run = await em.findOne(EvaluationRun, { id });
  if (!run) throw new NotFoundError('run', id);
  return run;
}

async function progressOf(em: EntityManager, runIds: string[]): Promise<Map<string, RunProgressView>> {
  const rows: { run_id: string; status: EvaluationResultStatus; n: string }[] =
    runIds.length === 0
      ? []
      : await em
          .createQueryBuilder(EvaluationResult, 'r')
          .select(['r.run', 'r.status', raw('count(*) as n')])
          .where({ run: { $in: runIds } })
          .groupBy(['r.run', 'r.status'])
          .execute('all', false);
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
    // Stored as the contract parsed them, so parsing again only restores their type.
    scorers: run.scorers.map((scorer) => ScorerConfigSchema.parse(scorer)),
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
    RUNS.isLive(run.status) || !run.summary ? summariseRun(em, run.id) : Promise.resolve(RunSummarySchema.parse(run.summary)),
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
  const where: FilterQuery<EvaluationResult> = { run: runId };
  if (filter.status) where.status = filter.status;
  if (filter.passed !== undefined) Object.assign(where, filter.passed ? { passed: true } : { $or: [{ passed: false }, { status: 'failed' }] });
  if (filter.dataset_entry_ids) where.dataset_entry = { $in: filter.dataset_entry_ids };
  const rows: ResultRow[] = await em
    .createQueryBuilder(EvaluationResult, 'r')
    // The foreign keys as columns: naming the relations would select the joined rows' ids instead.
    .select(['r.id', raw('r.dataset_entry_id'), 'r.repetition', 'r.status', raw('r.execution_id'), 'd.input_data', 'd.expected_output'])
    .addSelect([raw('e.output_schema is not null as structured'), 'e.response_text', 'e.parsed_output', 'r.scores', 'r.passed', 'r.score'])
    .addSelect(['r.latency_ms', 'r.total_tokens', 'r.cost_usd', 'r.error_message', 'r.finished_at', raw('count(*) over () as total')])
    .join('r.dataset_entry', 'd')
    .leftJoin('r.execution', 'e')
    .where(where)
    .orderBy({ position: 'asc' })
    .limit(filter.limit, filter.offset)
    .execute('all', false);
  const items = rows.map(({ total: _total, input_data, structured, response_text, parsed_output, cost_usd, finished_at, ...row }) => ({
    ...row,
    input: input_data,
    output: structured ? parsed_output : (response_text ?? null),
    cost_usd: cost_usd === null ? null : Number(cost_usd),
    finished_at: iso(finished_at),
  }));
  // Past the last page no row carries the window count: count the matches on their own.
  const total = rows[0] ? Number(rows[0].total) : filter.offset === 0 ? 0 : await em.count(EvaluationResult, where);
  return { items, total, limit: filter.limit, offset: filter.offset };
}
