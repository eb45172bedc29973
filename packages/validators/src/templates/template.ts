import { z } from '@hono/zod-openapi';
import { SCHEMA_TYPES } from '@promptops/db';
import { JsonSchemaObject, timestamp } from '../json';

/** A template version as clients see it (snake_case, ISO dates, schemas inlined). */
export const TemplateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    category: z.string().openapi({ description: "The name's category (shared by every version)", example: 'chat' }),
    description: z.string().openapi({ description: "The name's description (shared by every version)" }),
    tags: z.array(z.string()).openapi({ description: "The name's tags (shared by every version)" }),
    system_prompt: z.string(),
    user_prompt_template: z.string(),
    model: z.string(),
    provider: z.string(),
    temperature: z.number(),
    max_tokens: z.number().int().nullable(),
    max_validation_retries: z.number().int(),
    version_number: z.number().int(),
    parent_version: z.number().int().nullable(),
    source_template_id: z.uuid().nullable(),
    is_active: z.boolean(),
    resolved: z.boolean().openapi({ description: 'Whether this is the version its name resolves to' }),
    usage_count: z.number().int(),
    last_used_at: timestamp.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
    input_schema: JsonSchemaObject.nullable(),
    output_schema: JsonSchemaObject.nullable(),
  })
  .openapi('Template');

export type TemplateDto = z.infer<typeof TemplateSchema>;

/** A JSON Schema attached to a template version, as input or output. */
export const PromptSchemaSchema = z
  .object({ id: z.uuid(), name: z.string(), schema_type: z.enum(SCHEMA_TYPES), schema_json: JsonSchemaObject, template_id: z.uuid(), created_at: timestamp })
  .openapi('PromptSchema');

export type SchemaDto = z.infer<typeof PromptSchemaSchema>;
