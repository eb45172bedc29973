import { setTimeout as sleep } from 'node:timers/promises';
import type { ExecutionAttempt, FailureKind } from '@promptops/db';
import { PromptRenderError } from '@promptops/errors';
import { ProviderError, extractJson, type ChatMessage, type CompletionResult, type PriceTable, type ProviderRegistry } from '@promptops/providers';
import { retryDelayMs, type RetryPolicy } from '@promptops/queue';
import { describeViolations } from '@promptops/schemas';
import { BoundedPromiseCache } from '../bounded-promise-cache';
import type { DomainDeps } from '../domain-deps';
import type { ClaimedExecution, ExecutionLifecycle, ExecutionResult } from './lifecycle';
import { buildOutputFeedback } from './output-feedback';

const MAX_CACHED_VERSIONS = 1000;

export interface RunContext {
  workerId: string;
  /** False while the queue will retry a retryable provider failure; true on the job's last attempt. */
  finalAttempt: boolean;
}

export type RunOutcome = { kind: 'skipped' } | { kind: 'finished'; status: 'succeeded' | 'failed'; failureKind: FailureKind | null };

/** What one attempt came to: a terminal state to write, or a retryable provider failure. */
type Performed = { kind: 'done'; result: ExecutionResult } | { kind: 'retry'; error: ProviderError; attemptLog: ExecutionAttempt[] };

/** Turns a successful prompt-generation output into a draft template; returns its id. */
export type GenerationHandler = (execution: ClaimedExecution, output: unknown) => Promise<string>;

export interface ExecutionRunnerOptions {
  lifecycle: ExecutionLifecycle;
  providers: ProviderRegistry;
  prices: PriceTable;
  /** How often a running execution proves its worker is alive. */
  heartbeatMs: number;
  /** The queues' retry policy, followed by work that retries without a queue job of its own. */
  retry: RetryPolicy;
  loadTemplatePrompts(templateId: string): Promise<{ system_prompt: string; user_prompt_template: string }>;
  onGeneration: GenerationHandler;
  /** Waits until the provider's shared requests-per-minute budget allows another call. */
  throttle(provider: string): Promise<void>;
}

interface Conversation {
  attemptLog: ExecutionAttempt[];
  promptTokens: number;
  completionTokens: number;
  lastText: string | null;
}

/**
 * The one path every model call takes: plain executions and generations (queue jobs), the items of
 * evaluation runs and the LLM judge's calls. It renders, calls the provider under its shared rate
 * limit, checks the output against its schema (asking again with the errors when it fails), and
 * retries transient provider failures: through the queue's backoff for jobs, with the same policy
 * in process otherwise.
 */
export class ExecutionRunner {
  /** A version's prompts never change, so each is loaded once per process, not once per execution. */
  private readonly prompts = new BoundedPromiseCache<string, { system_prompt: string; user_prompt_template: string }>(MAX_CACHED_VERSIONS);

  constructor(
    private readonly deps: DomainDeps,
    private readonly options: ExecutionRunnerOptions,
  ) {}

  /**
   * Runs a queued execution as a queue job: claim the row, perform one attempt, and write the
   * terminal state. A retryable provider failure hands the row back and is rethrown, so the
   * queue's backoff decides when to try again.
   */
  async run(executionId: string, context: RunContext): Promise<RunOutcome> {
    const { lifecycle } = this.options;
    const execution = await lifecycle.claim(executionId, context.workerId);
    if (!execution) return { kind: 'skipped' };
    const heartbeat = setInterval(() => {
      lifecycle.heartbeat(execution.id, context.workerId).catch((error) => {
        this.logFor(execution).warn({ err: error }, 'heartbeat failed');
      });
    }, this.options.heartbeatMs);
    heartbeat.unref();
    try {
      const performed = await this.perform(execution, context.finalAttempt);
      if (performed.kind === 'retry') {
        await lifecycle.release(execution.id, context.workerId, performed.attemptLog, performed.error.message);
        throw performed.error;
      }
      if (!(await lifecycle.finish(execution, context.workerId, performed.result))) return { kind: 'skipped' };
      const { status, failure_kind: failureKind } = performed.result;
      this.deps.telemetry.executionFinished({ kind: execution.kind, status, failureKind });
      return { kind: 'finished', status, failureKind };
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Performs work that is not a queue job of its own (an evaluation item, a judge call) to its
   * result, retrying retryable provider failures as the queue would retry a job: the same number
   * of tries and the same backoff (or the provider's Retry-After). Null when `signal` aborts while
   * it waits to retry. Nothing is written: the caller records the result.
   */
  async performRetrying(execution: ClaimedExecution, signal: AbortSignal): Promise<ExecutionResult | null> {
    const { retry } = this.options;
    let current = execution;
    // Not p-retry: the delay is BullMQ's backoff (retryDelayMs) or the provider's Retry-After, and each try carries the last one's attempt log.
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) return null;
      const performed = await this.perform(current, attempt >= retry.attempts);
      if (performed.kind === 'done') return performed.result;
      current = { ...current, attempt_log: performed.attemptLog };
      const { error } = performed;
      const delayMs = error.kind === 'rate_limited' ? (error.retryAfterMs ?? 1000) : retryDelayMs(retry, attempt);
      try {
        await sleep(delayMs, undefined, { signal });
      } catch {
        return null;
      }
    }
  }

  /**
   * The work of one attempt without any bookkeeping in PostgreSQL: render, converse, and describe
   * the terminal state to write, or hand back a retryable provider failure with what it taught.
   */
  private async perform(execution: ClaimedExecution, finalAttempt: boolean): Promise<Performed> {
    const started = Date.now();
    const conversation: Conversation = { attemptLog: [...execution.attempt_log], promptTokens: 0, completionTokens: 0, lastText: null };
    let prompts = { system: execution.rendered_system_prompt, user: execution.rendered_user_prompt };
    const done = (result: Pick<ExecutionResult, 'status' | 'failure_kind' | 'error_message' | 'parsed_output' | 'generated_template_id'>): Performed => ({
      kind: 'done',
      // Members first: see bench/README.md on object spreads.
      result: {
        response_text: conversation.lastText,
        rendered_system_prompt: prompts.system,
        rendered_user_prompt: prompts.user,
        prompt_tokens: conversation.promptTokens,
        completion_tokens: conversation.completionTokens,
        cost_usd: this.options.prices.costOf(execution.model, conversation.promptTokens, conversation.completionTokens),
        execution_time_ms: Date.now() - started,
        attempt_log: conversation.attemptLog,
        ...result,
      },
    });
    const fail = (failureKind: FailureKind, errorMessage: string, parsedOutput: unknown = null) =>
      done({ status: 'failed', failure_kind: failureKind, error_message: errorMessage, parsed_output: parsedOutput });

    try {
      if (execution.kind !== 'raw') {
        if (!execution.template_id) return fail('render', 'execution has no template');
        try {
          const source = await this.prompts.get(execution.template_id, this.options.loadTemplatePrompts);
          const rendered = await this.deps.renderer.renderPrompts(source, execution.input_context);
          prompts = { system: rendered.system_prompt, user: rendered.user_prompt };
        } catch (error) {
          if (error instanceof PromptRenderError) return fail('render', error.message);
          throw error;
        }
      }
      const outcome = await this.converse(execution, prompts, conversation);
      if (!outcome.ok) return fail('validation', outcome.error, outcome.parsed);
      let generatedTemplateId: string | null = null;
      if (execution.kind === 'generation') generatedTemplateId = await this.options.onGeneration(execution, outcome.parsed);
      return done({ status: 'succeeded', failure_kind: null, error_message: null, parsed_output: outcome.parsed, generated_template_id: generatedTemplateId });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      conversation.attemptLog.push(this.attemptEntry(conversation, Date.now(), 'provider_error', error.message));
      if (error.retryable && !finalAttempt) return { kind: 'retry', error, attemptLog: conversation.attemptLog };
      return fail(error.kind === 'timeout' ? 'timeout' : 'provider', error.message);
    }
  }

  /** Carries the API request's id into every line logged for an execution, so one id traces the request. */
  private logFor(execution: ClaimedExecution) {
    return this.deps.logger.child({ execution_id: execution.id, request_id: execution.request_id ?? undefined, run_id: execution.run_id ?? undefined });
  }

  private attemptEntry(
    conversation: Conversation,
    startedAt: number,
    outcome: ExecutionAttempt['outcome'],
    error?: string,
    result?: CompletionResult,
    validationErrors?: unknown[],
  ): ExecutionAttempt {
    return {
      attempt: conversation.attemptLog.length + 1,
      started_at: new Date(startedAt).toISOString(),
      duration_ms: Date.now() - startedAt,
      outcome,
      ...(error === undefined ? {} : { error }),
      ...(validationErrors === undefined ? {} : { validation_errors: validationErrors }),
      ...(result ? { prompt_tokens: result.promptTokens, completion_tokens: result.completionTokens } : {}),
    };
  }

  /** Calls the model until its answer is valid or the template's validation retries are spent. */
  private async converse(
    execution: ClaimedExecution,
    prompts: { system: string | null; user: string | null },
    conversation: Conversation,
  ): Promise<{ ok: true; parsed: unknown } | { ok: false; error: string; parsed: unknown }> {
    const provider = this.options.providers.get(execution.provider);
    const schema = execution.output_schema ?? undefined;
    const messages: ChatMessage[] = [];
    if (prompts.system) messages.push({ role: 'system', content: prompts.system });
    messages.push({ role: 'user', content: prompts.user ?? '' });
    const calls = 1 + execution.max_validation_retries;
    let lastError = 'no attempt made';
    let lastParsed: unknown = null;
    for (let call = 0; call < calls; call++) {
      await this.options.throttle(execution.provider);
      const startedAt = Date.now();
      const result = await provider.complete({
        model: execution.model,
        messages,
        ...(execution.temperature === null ? {} : { temperature: execution.temperature }),
        ...(execution.max_tokens === null ? {} : { maxTokens: execution.max_tokens }),
        ...(schema ? { outputSchema: schema } : {}),
        timeoutMs: this.deps.config.providerTimeoutMs,
      });
      conversation.promptTokens += result.promptTokens;
      conversation.completionTokens += result.completionTokens;
      conversation.lastText = result.text;
      if (!schema) {
        conversation.attemptLog.push(this.attemptEntry(conversation, startedAt, 'succeeded', undefined, result));
        return { ok: true, parsed: null };
      }
      let parsed: unknown;
      try {
        parsed = extractJson(result.text);
      } catch (error) {
        lastError = `output is not valid JSON: ${(error as Error).message}`;
        conversation.attemptLog.push(this.attemptEntry(conversation, startedAt, 'invalid_output', lastError, result));
        messages.push(
          { role: 'assistant', content: result.text },
          { role: 'user', content: buildOutputFeedback({ parseError: (error as Error).message }, schema) },
        );
        continue;
      }
      const violations = this.deps.validator.validate(schema, parsed);
      if (violations.length === 0) {
        conversation.attemptLog.push(this.attemptEntry(conversation, startedAt, 'succeeded', undefined, result));
        return { ok: true, parsed };
      }
      lastParsed = parsed;
      lastError = `output does not match the output schema: ${describeViolations(violations)}`;
      conversation.attemptLog.push(this.attemptEntry(conversation, startedAt, 'invalid_output', lastError, result, violations));
      messages.push({ role: 'assistant', content: result.text }, { role: 'user', content: buildOutputFeedback({ violations }, schema) });
    }
    return { ok: false, error: `${lastError} (after ${calls} attempt${calls === 1 ? '' : 's'})`, parsed: lastParsed };
  }
}
