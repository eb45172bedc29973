import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      type: z.string().openapi({ example: 'not_found' }),
      message: z.string(),
      details: z.unknown(),
    }),
  })
  .openapi('Error');

/** Standard error responses, spread into each route's `responses`. */
export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 422 | 429)[]) {
  const descriptions: Record<number, string> = {
    400: 'Malformed request',
    401: 'Missing or invalid API key',
    403: 'API key lacks the scope',
    404: 'Not found',
    409: 'Conflicts with stored state',
    413: 'Payload too large',
    422: 'Semantically invalid (schema, render or validation error)',
    429: 'Rate limited',
  };
  return Object.fromEntries(
    statuses.map((status) => [status, { description: descriptions[status] ?? 'Error', content: { 'application/json': { schema: ErrorSchema } } }]),
  ) as Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>;
}

/** An OpenAPI request body of JSON matching `schema`. */
export function jsonBody<T>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

/** An OpenAPI response of JSON matching `schema`. */
export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export const IdParamSchema = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, example: '0b5f1c7e-3d2a-4b8e-9f10-6a7d2c4e8b11' }),
});

export const PaginationQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export function pageSchema<T extends z.ZodTypeAny>(item: T, name: string) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }).openapi(name);
}
