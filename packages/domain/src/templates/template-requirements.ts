import { PromptValidationError } from '@promptops/errors';
import type { PromptRenderer } from '@promptops/rendering';
import { BoundedPromiseCache } from '../bounded-promise-cache';
import type { ResolvedTemplate } from './template-types';

const MAX_CACHED_VERSIONS = 1000;

function quoted(names: string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}

/** The message for a context without some variables its template requires. */
export function describeMissingVariables(label: string, missing: string[]): string {
  const noun = missing.length === 1 ? 'variable' : 'variables';
  return `${label} lacks ${noun} ${quoted(missing)} that the template requires (it reads them outside any {% if %}, "is defined" or default)`;
}

/**
 * What a context must hold for a template that has no input schema (with one, the schema judges
 * the context): the top-level variables its prompts read outside any guard, which are exactly
 * the ones rendering fails without (extraction and rendering follow one rule for undefined
 * values). Checked at submission, so such a context is refused at once instead of failing later
 * in a worker. A version never changes, so each is analysed once per process, in the render pool.
 */
export class TemplateRequirements {
  private readonly byVersion = new BoundedPromiseCache<string, string[]>(MAX_CACHED_VERSIONS);

  constructor(private readonly renderer: PromptRenderer) {}

  /** Variable names the context lacks; always none for a template with an input schema. */
  async missing(resolved: ResolvedTemplate, context: Record<string, unknown>): Promise<string[]> {
    if (resolved.input_schema) return [];
    const required = await this.byVersion.get(resolved.template.id, async () => {
      const { template } = resolved;
      const { suggested_input_schema } = await this.renderer.analyse([template.system_prompt, template.user_prompt_template]);
      return suggested_input_schema.required ?? [];
    });
    return required.filter((name) => !Object.hasOwn(context, name));
  }

  /** Throws PromptValidationError (422) naming every required variable `context` lacks. */
  async assertSatisfiedBy(resolved: ResolvedTemplate, context: Record<string, unknown>): Promise<void> {
    const missing = await this.missing(resolved, context);
    if (missing.length === 0) return;
    throw new PromptValidationError(describeMissingVariables('context', missing), {
      missing_variables: missing,
      violations: missing.map((name) => ({
        path: '/',
        message: `must have required property '${name}'`,
        keyword: 'required',
        params: { missingProperty: name },
      })),
    });
  }
}
