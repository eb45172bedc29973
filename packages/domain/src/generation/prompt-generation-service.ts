import { PromptConflictError } from '@promptops/errors';
import type { DomainDeps } from '../domain-deps';
import type { IdempotencyClaim } from '../idempotency';
import type { ClaimedExecution } from '../executions/lifecycle';
import type { ExecutionService, ModelOverrides, SubmitResult } from '../executions/execution-service';
import { SLUG_PATTERN } from '../templates/template-limits';
import type { TemplateService } from '../templates/template-service';

/** Name of the built-in template whose executions write new templates (see the seeds). */
export const PROMPT_GENERATOR_TEMPLATE = 'Prompt Generator';

export interface GenerateTemplateInput extends ModelOverrides {
  description: string;
  input_context?: string;
  name?: string;
  /** A category slug (see SLUG_PATTERN) for the draft. */
  category?: string;
}

/** The validated output of the Prompt Generator template (its output schema guarantees the shape). */
interface GeneratedPrompt {
  name?: string;
  system_prompt: string;
  user_prompt_template: string;
  input_schema?: Record<string, unknown>;
}

function slugName(text: string): string {
  const words = text
    .replace(/[^A-Za-z0-9 ]+/g, ' ')
    .trim()
    .split(/\s+/)
    .slice(0, 6);
  return words.length > 0 ? words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ') : 'Generated Prompt';
}

/**
 * AI-written prompts: a generation is an ordinary execution of the built-in Prompt Generator
 * template (same queue semantics, retries and tracking); its validated output becomes a new,
 * inactive draft template linked from the execution.
 */
export class PromptGenerationService {
  constructor(
    private readonly deps: DomainDeps,
    private readonly templates: TemplateService,
    private readonly executions: ExecutionService,
  ) {}

  async submit(input: GenerateTemplateInput, options: { idempotency?: IdempotencyClaim; request_id?: string } = {}): Promise<SubmitResult> {
    const context: Record<string, unknown> = { description: input.description };
    if (input.input_context !== undefined) context.input_context = input.input_context;
    if (input.name !== undefined) context.name = input.name;
    if (input.category !== undefined) context.category = input.category;
    return this.executions.submit({
      template: PROMPT_GENERATOR_TEMPLATE,
      context,
      kind: 'generation',
      ...(input.provider === undefined ? {} : { provider: input.provider }),
      ...(input.model === undefined ? {} : { model: input.model }),
      ...(input.temperature === undefined ? {} : { temperature: input.temperature }),
      ...(input.max_tokens === undefined ? {} : { max_tokens: input.max_tokens }),
      ...options,
    });
  }

  /** Saves the generated prompt as version 1 of a new, inactive template; returns its id. */
  async createDraft(execution: ClaimedExecution, output: unknown): Promise<string> {
    const generated = output as GeneratedPrompt;
    const requested = execution.input_context;
    const category = typeof requested.category === 'string' && SLUG_PATTERN.test(requested.category) ? requested.category : 'other';
    const baseName = (typeof requested.name === 'string' && requested.name) || generated.name || slugName(String(requested.description ?? ''));
    for (let suffix = 1; suffix <= 50; suffix++) {
      const name = suffix === 1 ? baseName : `${baseName} (${suffix})`;
      try {
        const created = await this.templates.create({
          name,
          category,
          description: `Generated from: ${String(requested.description ?? '').slice(0, 500)}`,
          system_prompt: generated.system_prompt,
          user_prompt_template: generated.user_prompt_template,
          is_active: false,
          ...(generated.input_schema ? { input_schema: generated.input_schema } : {}),
        });
        this.deps.logger.info(
          { execution_id: execution.id, request_id: execution.request_id ?? undefined, template_id: created.id },
          'generated draft template',
        );
        return created.id;
      } catch (error) {
        if (!(error instanceof PromptConflictError)) throw error;
      }
    }
    throw new PromptConflictError(`Could not find a free name for the generated template "${baseName}"`);
  }
}
