import { extractJson } from '@promptops/providers';
import { describeViolations } from '@promptops/schemas';
import { BoundedPromiseCache } from '../bounded-promise-cache';
import type { DomainDeps } from '../domain-deps';
import type { ExecutionService, ModelOverrides } from '../executions/execution-service';
import type { TemplateService } from '../templates/template-service';
import type { ResolvedTemplate } from '../templates/template-types';

export interface JudgeVerdict {
  score: number;
  passed?: boolean;
  reason: string;
}

/** Template versions are immutable, so a resolved judge can be kept for the life of the process. */
const MAX_CACHED_JUDGES = 100;

/**
 * Renders a judge template and asks its provider for a verdict, in the worker right after the
 * judged execution finished. The call is not an execution of its own: it is part of scoring.
 */
export class JudgeRunner {
  private readonly cache = new BoundedPromiseCache<string, ResolvedTemplate>(MAX_CACHED_JUDGES);

  constructor(
    private readonly deps: DomainDeps,
    private readonly templates: TemplateService,
    private readonly executions: ExecutionService,
  ) {}

  async judge(templateId: string, context: Record<string, unknown>, overrides: ModelOverrides): Promise<JudgeVerdict> {
    const resolved = await this.resolve(templateId);
    const settings = this.executions.templateSettings(resolved, overrides);
    const rendered = await this.deps.renderer.renderPrompts(resolved.template, context);
    const provider = this.deps.providers.get(settings.provider);
    const result = await provider.complete({
      model: settings.model,
      messages: [
        ...(rendered.system_prompt ? [{ role: 'system' as const, content: rendered.system_prompt }] : []),
        { role: 'user' as const, content: rendered.user_prompt },
      ],
      ...(settings.temperature === null ? {} : { temperature: settings.temperature }),
      ...(settings.max_tokens === null ? {} : { maxTokens: settings.max_tokens }),
      ...(settings.output_schema ? { outputSchema: settings.output_schema } : {}),
      timeoutMs: this.deps.config.providerTimeoutMs,
    });
    const parsed = extractJson(result.text) as Partial<JudgeVerdict>;
    if (settings.output_schema) {
      const violations = this.deps.validator.validate(settings.output_schema, parsed);
      if (violations.length > 0) throw new Error(`judge answer breaks its schema: ${describeViolations(violations)}`);
    }
    if (typeof parsed?.score !== 'number') throw new Error('judge answer has no numeric score');
    return { score: parsed.score, ...(typeof parsed.passed === 'boolean' ? { passed: parsed.passed } : {}), reason: String(parsed.reason ?? '') };
  }

  private resolve(templateId: string): Promise<ResolvedTemplate> {
    return this.cache.get(templateId, (id) => this.templates.resolve(id));
  }
}
