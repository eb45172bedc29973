import { extractJson } from '@promptops/providers';
import { BoundedPromiseCache } from '../bounded-promise-cache';
import type { ExecutionRunner } from '../executions/execution-runner';
import type { ExecutionService, ModelOverrides } from '../executions/execution-service';
import type { TemplateService } from '../templates/template-service';
import type { ResolvedTemplate } from '../templates/template-types';

export interface JudgeVerdict {
  score: number;
  passed?: boolean;
  reason: string;
}

/** Asks a judge template (pinned by id) for a verdict on one output. */
export type Judge = (templateId: string, context: Record<string, unknown>, overrides: ModelOverrides) => Promise<JudgeVerdict>;

/** The drive ended while a judge call waited to retry; its item is left for the next driver. */
export class JudgeInterrupted extends Error {
  constructor() {
    super('the run stopped while the judge waited to retry');
  }
}

/** Template versions are immutable, so a resolved judge can be kept for the life of the process. */
const MAX_CACHED_JUDGES = 100;

/**
 * The LLM judge's calls, made right after the judged execution finished, through the same runner
 * as every execution: the provider's shared rate limit, retries of transient failures with the
 * queue's backoff, and the judge template's output schema checked with the errors fed back. A
 * call is not an execution of its own (nothing is stored): it is part of scoring.
 */
export class JudgeRunner {
  private readonly cache = new BoundedPromiseCache<string, ResolvedTemplate>(MAX_CACHED_JUDGES);

  constructor(
    private readonly templates: TemplateService,
    private readonly executions: ExecutionService,
  ) {}

  /** A judge for one drive: its calls go through `runner` and give up waiting to retry when `halted` aborts. */
  bind(runner: Pick<ExecutionRunner, 'performRetrying'>, trace: { run_id: string; request_id: string | null }, halted: AbortSignal): Judge {
    return async (templateId, context, overrides) => {
      const resolved = await this.cache.get(templateId, (id) => this.templates.resolve(id));
      const settings = this.executions.templateSettings(resolved, overrides);
      const result = await runner.performRetrying(
        {
          id: crypto.randomUUID(),
          kind: 'template',
          template_id: resolved.template.id,
          input_context: context,
          provider: settings.provider,
          model: settings.model,
          temperature: settings.temperature ?? null,
          max_tokens: settings.max_tokens,
          max_validation_retries: settings.max_validation_retries,
          rendered_system_prompt: null,
          rendered_user_prompt: null,
          output_schema: settings.output_schema,
          attempt_log: [],
          attempts: 0,
          request_id: trace.request_id,
          run_id: trace.run_id,
        },
        halted,
      );
      if (!result) throw new JudgeInterrupted();
      if (result.status !== 'succeeded') throw new Error(`${result.failure_kind}: ${result.error_message}`);
      // Without an output schema the answer is not parsed on the way; the judge's must be JSON all the same.
      const answer = (settings.output_schema ? result.parsed_output : extractJson(result.response_text ?? '')) as Partial<JudgeVerdict> | null;
      if (typeof answer?.score !== 'number') throw new Error('judge answer has no numeric score');
      return { score: answer.score, ...(typeof answer.passed === 'boolean' ? { passed: answer.passed } : {}), reason: String(answer.reason ?? '') };
    };
  }
}
