import { extractVariables, suggestInputSchema, type PromptRenderer } from '@promptops/rendering';
import type { JsonSchema, JsonSchemaValidator } from '@promptops/schemas';
import { toResolvedTemplate, type TemplateVersion } from './template-resolver';
import type { RenderedPrompts, TemplateVariable, TemplateVariables } from './template-types';

/**
 * Variables of both prompts, merged by path: a variable is optional only if it is optional
 * everywhere it appears, and a specific type hint beats `unknown`.
 */
export function templateVariables({ template }: TemplateVersion): TemplateVariables {
  const sources = [template.system_prompt, template.user_prompt_template];
  const merged = new Map<string, TemplateVariable>();
  for (const variable of sources.flatMap((source) => extractVariables(source))) {
    const seen = merged.get(variable.path);
    merged.set(
      variable.path,
      seen
        ? {
            path: variable.path,
            type_hint: seen.type_hint === 'unknown' ? variable.type_hint : seen.type_hint,
            optional: seen.optional && variable.optional,
          }
        : { ...variable },
    );
  }
  // The renderer's schema type is a narrow view of the same JSON; widen it to the generic shape.
  return { variables: [...merged.values()], suggested_input_schema: suggestInputSchema(sources) as JsonSchema };
}

/** Checks the context against the input schema first, so users see schema paths before render errors. */
export async function renderPreview(
  version: TemplateVersion,
  context: Record<string, unknown>,
  renderer: PromptRenderer,
  validator: JsonSchemaValidator,
): Promise<RenderedPrompts> {
  const { template, input_schema } = toResolvedTemplate(version);
  if (input_schema) validator.assertValid(input_schema, context, 'context');
  return renderer.renderPrompts(
    { system_prompt: template.system_prompt, user_prompt_template: template.user_prompt_template },
    context,
  );
}
