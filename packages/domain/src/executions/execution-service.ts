import { PromptExecution, type ExecutionKind, type ExecutionStatus, type FailureKind } from '@promptops/db';
import { InvalidRequestError, NotFoundError, PromptConflictError, PromptTemplateNotFoundError } from '@promptops/errors';
import type { BudgetGuard } from '../alerts/budget-guard';
import type { DomainDeps } from '../domain-deps';
import { IdempotencyKeys, type IdempotencyClaim } from '../idempotency';
import { withTimeout } from '../with-timeout';
import type { Page, PageRequest } from '../pagination';
import type { TemplateService } from '../templates/template-service';
import { parseTemplateRef } from '../templates/template-ref';
import { TemplateRequirements } from '../templates/template-requirements';
import type { ResolvedTemplate } from '../templates/template-types';
import { toExecutionDto, type ExecutionDto } from './execution-dto';
import { insertQueuedExecutions, type QueuedExecutionRow } from './execution-insert';
import { ENQUEUE_TIMEOUT_MS, SubmissionBatches } from './submission-batches';
import { EXECUTIONS, ExecutionLifecycle } from './lifecycle';
import { resubmission } from './execution-resubmission';
import { templateHistoryFilter } from './execution-template-filter';
import { describeProviders, type ProviderCatalog } from './provider-catalog';
import { BoundedPromiseCache } from '../bounded-promise-cache';

/** Settings a caller may override per execution, on top of the template's. */
export interface ModelOverrides {
  provider?: string;
  model?: string;
  temperature?: number;
  max_tokens?: number;
}

export type SubmitExecutionInput = ModelOverrides &
  (
    | { template: string; context: Record<string, unknown> }
    | { system_prompt?: string; user_prompt: string; output_schema?: Record<string, unknown>; max_validation_retries?: number }
  ) & {
    idempotency?: IdempotencyClaim;
    request_id?: string;
    kind?: ExecutionKind;
    dataset_entry_id?: string;
    run_id?: string;
    repetition?: number;
  };

export interface ExecutionFilter extends PageRequest {
  template_id?: string;
  /**
   * A template name (every version, deleted ones included) or `name@N` (exactly that version); an
   * unknown name matches nothing.
   */
  template?: string;
  status?: ExecutionStatus;
  failure_kind?: FailureKind;
  kind?: ExecutionKind;
  run_id?: string;
  from?: Date;
  to?: Date;
}

export interface SubmitResult {
  execution: ExecutionDto;
  /** True when an Idempotency-Key matched an earlier submission and nothing new was created. */
  replayed: boolean;
}

const MAX_CACHED_VERSIONS = 1000;

export class ExecutionService {
  private readonly versions = new BoundedPromiseCache<string, ResolvedTemplate>(MAX_CACHED_VERSIONS);
  private readonly lifecycle = new ExecutionLifecycle(() => this.deps.orm.em.fork());
  private readonly keys: IdempotencyKeys;
  private readonly requirements: TemplateRequirements;
  private readonly batches: SubmissionBatches;

  constructor(
    private readonly deps: DomainDeps,
    private readonly templates: TemplateService,
    private readonly budgets: BudgetGuard,
  ) {
    this.keys = new IdempotencyKeys(deps);
    this.requirements = new TemplateRequirements(deps.renderer);
    this.batches = new SubmissionBatches(deps);
  }

  /**
   * Saves the execution as `queued`, then enqueues it. The row is committed first, so a request
   * answered with 202 survives Redis being down: the reconciler enqueues whatever is left queued.
   * With an idempotency claim, the key is claimed in the same transaction as the row is inserted.
   */
  async submit(input: SubmitExecutionInput): Promise<SubmitResult> {
    const claim = input.idempotency;
    const earlier = claim ? await this.replay(claim) : null;
    if (earlier) return earlier;
    // Members first: a literal opening with a spread, then more, is allocated in V8's old generation (bench/README.md).
    const row = { id: crypto.randomUUID(), ...(await this.buildRow(input)) };
    // With a key, the row is inserted in the transaction that claims it; without, in a group commit.
    const inserted = claim
      ? await this.keys.createOnce(claim, { execution_id: row.id }, async (tx) => (await insertQueuedExecutions(tx, [row])).get(row.id) ?? this.deleted(row))
      : ((await this.batches.insert(row)) ?? this.deleted(row));
    if (!inserted) return this.replayRaced(claim as IdempotencyClaim);
    await this.enqueue(inserted.id, inserted.kind, input.request_id);
    return { execution: toExecutionDto(inserted), replayed: false };
  }

  /** The cached version was deleted since: forget it, so later submissions resolve it afresh. */
  private deleted(row: QueuedExecutionRow): never {
    this.versions.delete(row.template_id ?? '');
    throw new PromptTemplateNotFoundError(row.template_id ?? '');
  }

  /** The execution an earlier submission with the same key and body created, as a replay. */
  private async replay(claim: IdempotencyClaim): Promise<SubmitResult | null> {
    const target = await this.keys.find(claim);
    return target && 'execution_id' in target ? { execution: await this.get(target.execution_id), replayed: true } : null;
  }

  /** A concurrent request with the same key won the claim and has committed: answer with its execution. */
  private async replayRaced(claim: IdempotencyClaim): Promise<SubmitResult> {
    const earlier = await this.replay(claim);
    if (earlier) return earlier;
    throw new PromptConflictError('Another request with this Idempotency-Key is in progress; try again', { scope: claim.scope });
  }

  /** Submits a new execution of what `id` ran (see resubmission); 409 for an evaluation run's item. */
  async rerun(id: string, options: { request_id?: string } = {}): Promise<SubmitResult> {
    const original = await this.deps.orm.em.fork().findOne(PromptExecution, { id });
    if (!original) throw new NotFoundError('execution', id);
    return this.submit({ ...resubmission(original), ...options });
  }

  /** Best effort: a failure here is repaired by the reconciler, never reported to the caller. */
  enqueue(executionId: string, kind: ExecutionKind, requestId?: string): Promise<boolean> {
    return this.batches.enqueue({ kind, job: { execution_id: executionId, ...(requestId ? { request_id: requestId } : {}) } });
  }

  async get(id: string): Promise<ExecutionDto> {
    const row = await this.deps.orm.em.fork().findOne(PromptExecution, { id });
    if (!row) throw new NotFoundError('execution', id);
    return toExecutionDto(row);
  }

  async list(filter: ExecutionFilter): Promise<Page<ExecutionDto>> {
    const where: Record<string, unknown> = {};
    if (filter.template_id) where.template = filter.template_id;
    // Under $and so it narrows template_id rather than replacing it when both are given.
    if (filter.template) where.$and = [{ template: templateHistoryFilter(filter.template) }];
    if (filter.status) where.status = filter.status;
    if (filter.failure_kind) where.failure_kind = filter.failure_kind;
    if (filter.kind) where.kind = filter.kind;
    if (filter.run_id) where.run_id = filter.run_id;
    if (filter.from || filter.to) {
      where.executed_at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    }
    const [rows, total] = await this.deps.orm.em
      .fork()
      .findAndCount(PromptExecution, where, { orderBy: { executed_at: 'desc', id: 'desc' }, limit: filter.limit, offset: filter.offset });
    return { items: rows.map(toExecutionDto), total, limit: filter.limit, offset: filter.offset };
  }

  /** The providers executions can use, for clients choosing one. */
  providers(): ProviderCatalog {
    return describeProviders(this.deps.providers, this.deps.config.providers);
  }

  /**
   * Cancels a queued or running execution; a running one stops at its next state change. One that
   * had already finished is answered unchanged, as a run is: the caller reads `status`.
   */
  async cancel(id: string): Promise<ExecutionDto> {
    const cancelled = await this.lifecycle.cancel(id, 'cancelled by request');
    const execution = await this.get(id);
    if (!cancelled) return execution;
    const queue = execution.kind === 'generation' ? this.deps.queues.generations : this.deps.queues.executions;
    // A waiting job would only find the row cancelled; removing it keeps the dashboard honest.
    // The row is cancelled already; a queue entry left behind is skipped by the worker, so Redis being away must not hold the answer.
    await withTimeout(queue.remove(id), ENQUEUE_TIMEOUT_MS, 'queue remove timed out').catch(() => undefined);
    return execution;
  }

  /** Polls PostgreSQL until the execution is terminal or `waitMs` passes; returns the latest state. */
  async waitForCompletion(id: string, waitMs: number): Promise<ExecutionDto> {
    const deadline = Date.now() + waitMs;
    let delay = 20;
    for (;;) {
      const execution = await this.get(id);
      if (EXECUTIONS.isTerminal(execution.status) || Date.now() >= deadline) return execution;
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, Math.max(0, deadline - Date.now()))));
      delay = Math.min(delay * 2, 250);
    }
  }

  private resolveProvider(requested: string | undefined, fallback: string): { provider: string; modelFallback: string } {
    const name = requested ?? fallback;
    if (!this.deps.providers.has(name)) {
      throw new InvalidRequestError(`Unknown provider "${name}"; configured: ${this.deps.providers.names().join(', ')}`, {
        provider: name,
        configured: this.deps.providers.names(),
      });
    }
    const provider = this.deps.providers.resolveName(name);
    return { provider, modelFallback: this.deps.providers.defaultModel(provider) };
  }

  /**
   * Provider, model and sampling settings for running a resolved template with the caller's
   * overrides; evaluation runs resolve them once per run with this same logic.
   */
  templateSettings(resolved: ResolvedTemplate, overrides: ModelOverrides) {
    const { template } = resolved;
    const { provider, modelFallback } = this.resolveProvider(overrides.provider, template.provider);
    return {
      provider,
      model: overrides.model || (overrides.provider ? '' : template.model) || modelFallback,
      temperature: overrides.temperature ?? template.temperature,
      max_tokens: overrides.max_tokens ?? template.max_tokens ?? null,
      max_validation_retries: template.max_validation_retries,
      output_schema: resolved.output_schema,
    };
  }

  /**
   * Refuses new work a spent hard-limit budget covers (429 budget_exceeded); runs and executions
   * already submitted finish. `template` is the name, '' for raw prompts.
   */
  assertWithinBudget(template: string, provider: string): Promise<void> {
    return this.budgets.assertAdmits({ template, provider });
  }

  /** Variables a template without an input schema needs and `context` lacks (see TemplateRequirements). */
  missingVariables(resolved: ResolvedTemplate, context: Record<string, unknown>): Promise<string[]> {
    return this.requirements.missing(resolved, context);
  }

  /**
   * A version's content never changes, so a version addressed by id is resolved once per process;
   * names are resolved every time, as the version they mean moves with activations.
   */
  private resolveForSubmission(ref: string): Promise<ResolvedTemplate> {
    if (parseTemplateRef(ref).kind !== 'id') return this.templates.resolve(ref);
    return this.versions.get(ref, (id) => this.templates.resolve(id));
  }

  private async buildRow(input: SubmitExecutionInput): Promise<Omit<QueuedExecutionRow, 'id'>> {
    const common = {
      idempotency_key: input.idempotency?.key ?? null,
      request_id: input.request_id ?? null,
      dataset_entry_id: input.dataset_entry_id ?? null,
      run_id: input.run_id ?? null,
      repetition: input.repetition ?? 0,
    };
    if ('template' in input) {
      const resolved = await this.resolveForSubmission(input.template);
      if (resolved.input_schema) this.deps.validator.assertValid(resolved.input_schema, input.context, 'context');
      else await this.requirements.assertSatisfiedBy(resolved, input.context);
      const settings = this.templateSettings(resolved, input);
      await this.assertWithinBudget(resolved.template.name, settings.provider);
      // Members first: see bench/README.md on object spreads.
      return {
        kind: input.kind ?? ('template' as const),
        template_id: resolved.template.id,
        input_context: input.context,
        ...common,
        ...settings,
      };
    }
    if (input.output_schema) this.deps.validator.assertValidSchema(input.output_schema, 'output_schema');
    const { provider, modelFallback } = this.resolveProvider(input.provider, 'auto');
    await this.assertWithinBudget('', provider);
    return {
      kind: 'raw' as const,
      ...common,
      template_id: null,
      input_context: {},
      provider,
      model: input.model || modelFallback,
      temperature: input.temperature ?? null,
      max_tokens: input.max_tokens ?? null,
      max_validation_retries: input.max_validation_retries ?? 2,
      rendered_system_prompt: input.system_prompt ?? null,
      rendered_user_prompt: input.user_prompt,
      output_schema: input.output_schema ?? null,
    };
  }
}
