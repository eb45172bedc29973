import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { PromptSchemaSchema, SchemaChangeResultSchema } from '@promptops/validators';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import {
  AddSchemaBodySchema,
  RefParamSchema,
  ReplaceSchemaBodySchema,
  SCHEMA_TAGS,
  SchemaListSchema,
  SchemaValidResultSchema,
  ValidateSchemaBodySchema,
} from './template-schemas';

// Schemas are part of a version's content, so every change below answers with the new version it created.

const listSchemas = createRoute({
  method: 'get',
  path: '/templates/{id}/schemas',
  tags: SCHEMA_TAGS,
  summary: "A version's input and output schemas",
  request: { params: RefParamSchema },
  responses: { 200: jsonResponse(SchemaListSchema, 'The schemas'), ...errorResponses(400, 404) },
});

const addSchema = createRoute({
  method: 'post',
  path: '/templates/{id}/schemas',
  tags: SCHEMA_TAGS,
  summary: 'Set the input or output schema: creates the next version of the name with it',
  request: { params: RefParamSchema, body: jsonBody(AddSchemaBodySchema) },
  responses: { 201: jsonResponse(SchemaChangeResultSchema, 'The new version and its schema'), ...errorResponses(400, 404, 413, 422) },
});

const validateSchema = createRoute({
  method: 'post',
  path: '/schemas/validate',
  tags: SCHEMA_TAGS,
  summary: 'Check a JSON Schema against the draft 2020-12 meta-schema without saving it',
  request: { body: jsonBody(ValidateSchemaBodySchema) },
  responses: { 200: jsonResponse(SchemaValidResultSchema, 'The schema is valid'), ...errorResponses(400, 413, 422) },
});

const getSchema = createRoute({
  method: 'get',
  path: '/schemas/{id}',
  tags: SCHEMA_TAGS,
  summary: 'Get one schema',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(PromptSchemaSchema, 'The schema'), ...errorResponses(400, 404) },
});

const replaceSchema = createRoute({
  method: 'put',
  path: '/schemas/{id}',
  tags: SCHEMA_TAGS,
  summary: "Replace a schema: creates the next version of its template's name with the new schema",
  request: { params: IdParamSchema, body: jsonBody(ReplaceSchemaBodySchema) },
  responses: { 201: jsonResponse(SchemaChangeResultSchema, 'The new version and its schema'), ...errorResponses(400, 404, 413, 422) },
});

const deleteSchema = createRoute({
  method: 'delete',
  path: '/schemas/{id}',
  tags: SCHEMA_TAGS,
  summary: "Remove a schema: creates the next version of its template's name without it",
  request: { params: IdParamSchema },
  responses: { 201: jsonResponse(SchemaChangeResultSchema, 'The new version (schema is null)'), ...errorResponses(400, 404, 422) },
});

export function schemaRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(listSchemas, async (c) => c.json({ items: await services.templates.listSchemas(c.req.valid('param').id) }, 200));
  router.openapi(addSchema, async (c) => {
    const { schema_type, schema_json, name } = c.req.valid('json');
    return c.json(await services.templates.setSchema(c.req.valid('param').id, schema_type, schema_json, name), 201);
  });
  router.openapi(validateSchema, async (c) => c.json(services.templates.validateSchema(c.req.valid('json').schema_json), 200));
  router.openapi(getSchema, async (c) => c.json(await services.templates.getSchema(c.req.valid('param').id), 200));
  router.openapi(replaceSchema, async (c) => {
    const { schema_json, name } = c.req.valid('json');
    return c.json(await services.templates.replaceSchema(c.req.valid('param').id, schema_json, name), 201);
  });
  router.openapi(deleteSchema, async (c) => c.json(await services.templates.removeSchema(c.req.valid('param').id), 201));
  return router;
}
