import type { EntityManager } from '@mikro-orm/postgresql';
import { EvaluationResult, EvaluationRun, PromptDataset, PromptDatasetEntry, type RunExecutionSettings } from '@promptops/db';
import { InvalidRequestError, NotFoundError, PromptConflictError } from '@promptops/errors';
import { describeViolations } from '@promptops/schemas';
import { enqueueRun } from '@promptops/queue';
import { ScorerConfigSchema } from '@promptops/validators';
import type { DatasetService } from '../datasets/dataset-service';
import type { RunEntry } from '../datasets/dataset-types';
import type { DomainDeps } from '../domain-deps';
import { IdempotencyKeys, type IdempotencyClaim } from '../idempotency';
import type { ExecutionService } from '../executions/execution-service';
import { ENQUEUE_TIMEOUT_MS } from '../executions/submission-batches';
import { describeMissingVariables } from '../templates/template-requirements';
import type { TemplateService } from '../templates/template-service';
import { withTimeout } from '../with-timeout';
import { LLM_JUDGE_TEMPLATE } from '../seeds/llm-judge';
import type { SubmitRunInput } from './evaluation-types';
import { RUNS } from './run-transitions';
import { parseScorerConfigs } from './scorers/scorer-config';
import type { ScorerConfig } from './scorers/scorer-types';

export const RUN_LIMITS = { maxConcurrency: 500, maxRepetitions: 20, maxItems: 100_000, defaultConcurrency: 10 } as const;

interface RunSpec {
  datasetId: string;
  templateId: string;
  templateRef: string;
  inputSchema: Record<string, unknown> | null;
  settings: RunExecutionSettings;
  scorers: ScorerConfig[];
  concurrency: number;
  repetitions: number;
  tagFilter: { tags: string[]; match: 'any' | 'all' } | null;
  parentRunId: string | null;
  idempotency: IdempotencyClaim | undefined;
  requestId: string | null;
}

interface RunItem {
  entry: RunEntry;
  repetition: number;
}

/** Items a re-run takes beyond those whose execution failed (the default). */
export const RERUN_INCLUDES = ['not_passed', 'cancelled'] as const;
export type RerunInclude = (typeof RERUN_INCLUDES)[number];

export interface RerunOptions {
  /**
   * `not_passed`: also items that ran and were scored but did not pass, a scorer that could not
   * score them (a judge that failed to answer) included; `cancelled`: also items cancelled with
   * their run.
   */
  include?: RerunInclude[];
  idempotency?: IdempotencyClaim;
  request_id?: string;
}

/** A soft-deleted dataset keeps its runs readable but takes no new ones, re-runs included. */
function datasetDeleted(datasetId: string, parentRunId: string | null): PromptConflictError {
  const what = parentRunId ? `Run ${parentRunId} cannot be re-run: its dataset ${datasetId}` : `Dataset ${datasetId}`;
  return new PromptConflictError(`${what} was deleted and takes no new runs; its runs and results stay readable`, {
    dataset_id: datasetId,
    ...(parentRunId ? { id: parentRunId } : {}),
  });
}

/**
 * Checked again inside the run's transaction, under a lock that a concurrent delete of the
 * dataset (which locks the row for update) waits for, or that waits for it and then sees it deleted.
 */
async function lockLiveDataset(tx: EntityManager, datasetId: string, parentRunId: string | null): Promise<void> {
  // Raw: FOR KEY SHARE, a lock MikroORM's LockMode does not offer.
  const live = await tx
    .getConnection()
    .execute('select 1 from prompt_datasets where id = ? and deleted_at is null for key share', [datasetId], 'all', tx.getTransactionContext());
  if (live.length === 0) throw datasetDeleted(datasetId, parentRunId);
}

export interface CreatedRun {
  runId: string;
  replayed: boolean;
}

/**
 * Validates a run request completely, then writes the run and all of its items in one
 * transaction (batch inserts), so a rejected request leaves nothing behind.
 */
export class RunSubmission {
  private readonly keys: IdempotencyKeys;

  constructor(
    private readonly deps: DomainDeps,
    private readonly templates: TemplateService,
    private readonly datasets: DatasetService,
    private readonly executions: ExecutionService,
  ) {
    this.keys = new IdempotencyKeys(deps);
  }

  async submit(input: SubmitRunInput): Promise<CreatedRun> {
    const replay = input.idempotency ? await this.replay(input.idempotency) : null;
    if (replay) return replay;
    const concurrency = input.concurrency ?? RUN_LIMITS.defaultConcurrency;
    const repetitions = input.repetitions ?? 1;
    if (concurrency < 1 || concurrency > RUN_LIMITS.maxConcurrency)
      throw new InvalidRequestError(`concurrency must be 1..${RUN_LIMITS.maxConcurrency}`, { path: 'concurrency' });
    if (repetitions < 1 || repetitions > RUN_LIMITS.maxRepetitions)
      throw new InvalidRequestError(`repetitions must be 1..${RUN_LIMITS.maxRepetitions}`, { path: 'repetitions' });
    const scorers = await this.prepareScorers(input.scorers);
    // Without a template the dataset's own tie decides, resolved now (a name follows rollbacks);
    // the run then records the exact version it resolved to.
    const resolved = await this.templates.resolve(input.template ?? (await this.datasets.tiedTemplate(input.dataset_id)));
    const templateRef = input.template ?? `${resolved.template.name}@${resolved.template.version_number}`;
    const settings = this.executions.templateSettings(resolved, input);
    await this.executions.assertWithinBudget(resolved.template.name, settings.provider);
    const tagFilter = input.tags && input.tags.length > 0 ? { tags: input.tags, match: input.tag_match ?? 'any' } : null;
    const entries = await this.datasets.listEntriesForRun(input.dataset_id, tagFilter ?? {});
    if (entries.length === 0)
      throw new InvalidRequestError('No dataset entries match the run (check the dataset and the tag filter)', {
        dataset_id: input.dataset_id,
        tags: input.tags ?? [],
      });
    const items = entries.flatMap((entry) => Array.from({ length: repetitions }, (_, repetition) => ({ entry, repetition })));
    return this.create(
      {
        datasetId: input.dataset_id,
        templateId: resolved.template.id,
        templateRef,
        inputSchema: resolved.input_schema,
        settings,
        scorers,
        concurrency,
        repetitions,
        tagFilter,
        parentRunId: null,
        idempotency: input.idempotency,
        requestId: input.request_id ?? null,
      },
      items,
    );
  }

  /**
   * A new run, linked by parent_run_id, over exactly the (entry, repetition) items that failed,
   * and those that did not pass or were cancelled when `options.include` says so.
   */
  async rerunFailed(runId: string, options: RerunOptions = {}): Promise<CreatedRun> {
    const replay = options.idempotency ? await this.replay(options.idempotency) : null;
    if (replay) return replay;
    const em = this.deps.orm.em.fork();
    const parent = await em.findOne(EvaluationRun, { id: runId });
    if (!parent) throw new NotFoundError('run', runId);
    if (RUNS.isLive(parent.status))
      throw new PromptConflictError(`Run ${runId} is still ${parent.status}; wait for it or cancel it first`, { id: runId, status: parent.status });
    if (!(await em.count(PromptDataset, { id: parent.dataset, deleted_at: null }))) throw datasetDeleted(parent.dataset, runId);
    const include = new Set(options.include ?? []);
    const which = [
      { status: 'failed' as const },
      ...(include.has('not_passed') ? [{ status: 'scored' as const, passed: false }] : []),
      ...(include.has('cancelled') ? [{ status: 'cancelled' as const }] : []),
    ];
    const chosen = await em.find(EvaluationResult, { run: runId, $or: which }, { orderBy: { position: 'asc' }, fields: ['dataset_entry', 'repetition'] });
    if (chosen.length === 0) {
      const kinds = ['failed', ...[...include].map((kind) => kind.replace('_', ' '))].join(' or ');
      throw new PromptConflictError(`Run ${runId} has no ${kinds} items to re-run`, { id: runId, include: [...include] });
    }
    const entries = await em.find(PromptDatasetEntry, { id: { $in: [...new Set(chosen.map((row) => row.dataset_entry))] } });
    const byId = new Map(entries.map((entry) => [entry.id, { id: entry.id, input_data: entry.input_data, expected_output: entry.expected_output ?? null }]));
    const items = chosen.flatMap((row) => {
      const entry = byId.get(row.dataset_entry);
      return entry ? [{ entry, repetition: row.repetition }] : [];
    });
    const resolved = await this.templates.resolve(parent.template);
    await this.executions.assertWithinBudget(resolved.template.name, parent.execution_settings.provider);
    return this.create(
      {
        datasetId: parent.dataset,
        templateId: parent.template,
        templateRef: parent.template_ref,
        inputSchema: resolved.input_schema,
        settings: parent.execution_settings,
        scorers: parent.scorers.map((scorer) => ScorerConfigSchema.parse(scorer)),
        concurrency: parent.concurrency,
        repetitions: parent.repetitions,
        tagFilter: parent.tag_filter ?? null,
        parentRunId: parent.id,
        idempotency: options.idempotency,
        requestId: options.request_id ?? null,
      },
      items,
    );
  }

  /** Checks scorer options and pins each judge template to the exact version it resolves to now. */
  private async prepareScorers(raw: unknown): Promise<ScorerConfig[]> {
    const scorers = parseScorerConfigs(raw, this.deps.validator);
    return Promise.all(
      scorers.map(async (config, index) => {
        if (config.type !== 'llm_judge') return config;
        const ref = config.template ?? LLM_JUDGE_TEMPLATE;
        try {
          const judge = await this.templates.resolve(ref);
          if (config.provider) this.executions.templateSettings(judge, config);
          return { ...config, template: judge.template.id };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new InvalidRequestError(`Invalid scorers: scorers.${index}: ${message}`, { issues: [{ path: `scorers.${index}.template`, message }] });
        }
      }),
    );
  }

  private async create(spec: RunSpec, items: RunItem[]): Promise<CreatedRun> {
    if (items.length > RUN_LIMITS.maxItems)
      throw new InvalidRequestError(`A run may hold at most ${RUN_LIMITS.maxItems} items (entries × repetitions); got ${items.length}`);
    const invalidInput = new Map<string, string>();
    if (spec.inputSchema) {
      for (const { entry } of items) {
        const violations = this.deps.validator.validate(spec.inputSchema, entry.input_data);
        if (violations.length > 0) invalidInput.set(entry.id, `input_data breaks the template's input schema: ${describeViolations(violations.slice(0, 5))}`);
      }
    } else {
      // Without a schema, the variables the template reads unguarded decide (see TemplateRequirements).
      const resolved = await this.templates.resolve(spec.templateId);
      for (const { entry } of items) {
        const missing = await this.executions.missingVariables(resolved, entry.input_data);
        if (missing.length > 0) invalidInput.set(entry.id, describeMissingVariables('input_data', missing));
      }
    }
    const runId = crypto.randomUUID();
    const failedCount = items.filter(({ entry }) => invalidInput.has(entry.id)).length;
    const created = await this.keys.createOnce(spec.idempotency, { run_id: runId }, async (tx) => {
      await lockLiveDataset(tx, spec.datasetId, spec.parentRunId);
      tx.create(EvaluationRun, {
        id: runId,
        dataset: spec.datasetId,
        template: spec.templateId,
        template_ref: spec.templateRef,
        execution_settings: spec.settings,
        scorers: spec.scorers,
        concurrency: spec.concurrency,
        repetitions: spec.repetitions,
        tag_filter: spec.tagFilter,
        total_count: items.length,
        failed_count: failedCount,
        parent_run_id: spec.parentRunId,
        idempotency_key: spec.idempotency?.key ?? null,
        request_id: spec.requestId,
      });
      await tx.flush();
      // One statement for every item: rows go to PostgreSQL as one JSON document, not one
      // hydrated entity each (a run may hold 100,000 items).
      const rows = items.map(({ entry, repetition }, position) => ({ entry_id: entry.id, repetition, position, error: invalidInput.get(entry.id) ?? null }));
      await tx.getConnection().execute(
        `insert into evaluation_results (id, run_id, dataset_entry_id, repetition, position, status, passed, score, error_message, finished_at)
         select gen_random_uuid(), ?, item.entry_id, item.repetition, item.position,
                case when item.error is null then 'pending' else 'failed' end::evaluation_result_status,
                case when item.error is null then null else false end, case when item.error is null then null else 0 end,
                item.error, case when item.error is null then null else now() end
           from jsonb_to_recordset(?::jsonb) as item(entry_id uuid, repetition int, position int, error text)`,
        [runId, JSON.stringify(rows)],
        'run',
        tx.getTransactionContext(),
      );
      return true;
    });
    // Null: a concurrent request with the same key created its run first.
    if (!created) {
      const replay = await this.replay(spec.idempotency as IdempotencyClaim);
      if (replay) return replay;
      throw new PromptConflictError('Another request with this Idempotency-Key is in progress; try again', { scope: spec.idempotency?.scope });
    }
    await this.enqueueStart(runId, spec.requestId);
    return { runId, replayed: false };
  }

  /** Best effort: a run left queued without a job is started by the evaluation reconciler. */
  private async enqueueStart(runId: string, requestId: string | null): Promise<void> {
    try {
      await withTimeout(enqueueRun(this.deps.queues.evaluationRuns, runId, requestId ?? undefined), ENQUEUE_TIMEOUT_MS, 'enqueue timed out');
    } catch (error) {
      this.deps.logger.warn({ err: error, run_id: runId }, 'enqueue of evaluation run failed; the reconciler will start it');
    }
  }

  /** The run an earlier request with the same key and body created, as a replay. */
  private async replay(claim: IdempotencyClaim): Promise<CreatedRun | null> {
    const target = await this.keys.find(claim);
    return target && 'run_id' in target ? { runId: target.run_id, replayed: true } : null;
  }
}
