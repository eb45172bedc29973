import { z } from '@hono/zod-openapi';

/** Any JSON object supplied by a user (a context, input data); prototype keys are dropped by JSON.parse rules. */
export const JsonObjectSchema = z.record(z.string(), z.unknown());

export const JsonSchemaObject = JsonObjectSchema.openapi({ description: 'A JSON Schema (draft 2020-12) object' });

/** An instant as ISO 8601 text, in UTC. */
export const timestamp = z.string().openapi({ format: 'date-time', example: '2025-01-31T12:00:00.000Z' });
