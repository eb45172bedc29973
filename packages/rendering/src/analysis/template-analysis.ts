import { type JsonSchema, inputSchemaFor } from './input-schema';
import { guardNesting } from '../parse/parse-template';
import type { TemplateNode } from '../parse/template-node';
import { type TemplateVariable, collectTemplateVariables } from './variable-extraction';

/** What the variables endpoint and the editor's preview show for a template's prompts. */
export interface TemplateAnalysis {
  variables: TemplateVariable[];
  suggested_input_schema: JsonSchema;
}

/** Every context path one compiled prompt reads; throws PromptRenderError when it nests too deeply to walk. */
export function promptVariables(root: TemplateNode): TemplateVariable[] {
  return guardNesting(() => collectTemplateVariables(root));
}

/**
 * The variables of several prompts read as one template (its system and user prompts; each list
 * from promptVariables), merged by path: a variable is optional only if it is optional everywhere
 * it appears, and a specific type hint beats `unknown`. Bare element paths (`items[]`) shape the
 * schema but are not listed, because `items` (array) and `items[].field` already describe them.
 */
export function analyseTemplate(perPrompt: TemplateVariable[][]): TemplateAnalysis {
  const collected = perPrompt.flat();
  const merged = new Map<string, TemplateVariable>();
  for (const variable of collected) {
    if (variable.path.endsWith('[]')) continue;
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
  return { variables: [...merged.values()], suggested_input_schema: inputSchemaFor(collected) };
}
