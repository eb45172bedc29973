import { z } from '@hono/zod-openapi';

const ProviderInfoSchema = z.object({
  name: z.string().openapi({ example: 'openai' }),
  default_model: z.string().openapi({ description: 'Used when a template or request names no model; empty when unknown' }),
  supports_json_schema: z.boolean().openapi({ description: 'Whether structured output is requested with a JSON Schema' }),
});

/** The providers executions can use: configured ones in configuration order, then `mock`; never keys or base URLs. */
export const ProviderCatalogSchema = z
  .object({
    items: z.array(ProviderInfoSchema),
    auto: z.string().openapi({ description: 'The provider `auto` stands for here', example: 'mock' }),
  })
  .openapi('ProviderCatalog');

export type ProviderInfo = z.infer<typeof ProviderInfoSchema>;
export type ProviderCatalog = z.infer<typeof ProviderCatalogSchema>;
