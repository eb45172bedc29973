import type { CreateTemplateInput } from '../templates/template-types';

/** A built-in template and a context that satisfies its input schema (used by tests and docs). */
export interface SeedTemplate {
  template: CreateTemplateInput & { input_schema: Record<string, unknown> };
  example_context: Record<string, unknown>;
  /**
   * Input schemas earlier releases seeded with the same prompts. A name still holding one of them,
   * untouched, is upgraded to `template.input_schema` (see upgradeSeededTemplates).
   */
  superseded_input_schemas?: Record<string, unknown>[];
}

/** Every built-in starts on the automatic provider with the provider's default model. */
export const SEED_DEFAULTS = { provider: 'auto', model: '' } as const;
