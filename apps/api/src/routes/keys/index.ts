import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { ApiKeySchema, CreatedApiKeySchema } from '@promptops/validators';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, IdParamSchema, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { CreateKeyBodySchema, KEY_TAGS, KeyListSchema } from './key-schemas';

const createKey = createRoute({
  method: 'post',
  path: '/keys',
  tags: KEY_TAGS,
  summary: 'Create an API key (admin); the key is in this response only',
  request: { body: { required: true, content: { 'application/json': { schema: CreateKeyBodySchema } } } },
  responses: { 201: jsonResponse(CreatedApiKeySchema, 'Created'), ...errorResponses(400, 401, 403, 413, 429) },
});

const listKeys = createRoute({
  method: 'get',
  path: '/keys',
  tags: KEY_TAGS,
  summary: 'List API keys, including revoked ones (admin); never shows keys or hashes',
  responses: { 200: jsonResponse(KeyListSchema, 'Every key'), ...errorResponses(401, 403, 429) },
});

const revokeKey = createRoute({
  method: 'delete',
  path: '/keys/{id}',
  tags: KEY_TAGS,
  summary: 'Revoke an API key (admin); it stops working at once',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(ApiKeySchema, 'The revoked key'), ...errorResponses(400, 401, 403, 404, 429) },
});

export function keyRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(createKey, async (c) => c.json(await services.apiKeys.create(c.req.valid('json')), 201));
  router.openapi(listKeys, async (c) => c.json({ items: await services.apiKeys.list() }, 200));
  router.openapi(revokeKey, async (c) => c.json(await services.apiKeys.revoke(c.req.valid('param').id), 200));
  return router;
}
