import { PromptTemplateNotFoundError } from '@promptops/errors';
import { canonicalJson } from '../datasets/canonical-json';
import type { TemplateService } from '../templates/template-service';
import type { ResolvedTemplate } from '../templates/template-types';
import type { SeedTemplate } from './seed-definition';

/**
 * Whether `resolved` is exactly what an earlier release seeded for `seed`: the same prompts and
 * output schema, and one of the input schemas the built-in has since replaced. Any edit a user made
 * (a prompt, a schema, a new version of their own) makes it something else.
 */
function isSupersededSeed(resolved: ResolvedTemplate, { template, superseded_input_schemas = [] }: SeedTemplate): boolean {
  const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
  return (
    resolved.template.system_prompt === (template.system_prompt ?? '') &&
    resolved.template.user_prompt_template === template.user_prompt_template &&
    same(resolved.output_schema, template.output_schema) &&
    superseded_input_schemas.some((schema) => same(resolved.input_schema, schema))
  );
}

/**
 * Brings built-ins that an earlier release seeded up to date: each name that still resolves to an
 * untouched earlier seed gets a new version with the current input schema (versions never change,
 * so the old one stays in the history). Names users have edited, and user-made templates, are left
 * alone. Returns the names upgraded.
 */
export async function upgradeSeededTemplates(templates: TemplateService, seeds: readonly SeedTemplate[]): Promise<string[]> {
  const upgraded: string[] = [];
  for (const seed of seeds) {
    if (!seed.superseded_input_schemas?.length) continue;
    const resolved = await templates.resolve(seed.template.name).catch((error: unknown) => {
      if (error instanceof PromptTemplateNotFoundError) return null;
      throw error;
    });
    if (!resolved || !isSupersededSeed(resolved, seed)) continue;
    await templates.setSchema(resolved.template.id, 'input', seed.template.input_schema);
    upgraded.push(seed.template.name);
  }
  return upgraded;
}
