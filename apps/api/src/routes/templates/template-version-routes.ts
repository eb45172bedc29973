import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { TemplateDiffSchema, TemplateSchema } from '@promptops/validators';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, jsonBody, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import {
  DiffQuerySchema,
  DuplicateBodySchema,
  NewVersionBodySchema,
  RefParamSchema,
  RollbackBodySchema,
  TEMPLATE_TAGS,
  TemplateListSchema,
} from './template-schemas';

const createVersion = createRoute({
  method: 'post',
  path: '/templates/{id}/versions',
  tags: TEMPLATE_TAGS,
  summary: 'Create the next version of the name, copying this version and applying the changes',
  request: { params: RefParamSchema, body: jsonBody(NewVersionBodySchema) },
  responses: { 201: jsonResponse(TemplateSchema, 'The new version'), ...errorResponses(400, 404, 413, 422) },
});

const listVersions = createRoute({
  method: 'get',
  path: '/templates/{id}/versions',
  tags: TEMPLATE_TAGS,
  summary: 'Every version of the name, newest first',
  request: { params: RefParamSchema },
  responses: { 200: jsonResponse(TemplateListSchema, 'The versions'), ...errorResponses(400, 404) },
});

const duplicateTemplate = createRoute({
  method: 'post',
  path: '/templates/{id}/duplicate',
  tags: TEMPLATE_TAGS,
  summary: 'Start a new name (version 1) from this version; `source_template_id` records the origin',
  request: { params: RefParamSchema, body: jsonBody(DuplicateBodySchema) },
  responses: { 201: jsonResponse(TemplateSchema, 'The new template'), ...errorResponses(400, 404, 409, 413, 422) },
});

const lifecycleRoute = (action: 'activate' | 'deactivate', summary: string) =>
  createRoute({
    method: 'post',
    path: `/templates/{id}/${action}`,
    tags: TEMPLATE_TAGS,
    summary,
    request: { params: RefParamSchema },
    responses: { 200: jsonResponse(TemplateSchema, 'The version'), ...errorResponses(400, 404) },
  });

const activate = lifecycleRoute('activate', 'Activate a version (the name resolves to its highest active version)');
const deactivate = lifecycleRoute('deactivate', 'Deactivate a version; the name falls back to the next lower active one');

const rollbackTemplate = createRoute({
  method: 'post',
  path: '/templates/{id}/rollback',
  tags: TEMPLATE_TAGS,
  summary: 'Make `version` the one the name resolves to: activate it and deactivate every higher version',
  request: { params: RefParamSchema, body: jsonBody(RollbackBodySchema) },
  responses: { 200: jsonResponse(TemplateSchema, 'The version now resolved'), ...errorResponses(400, 404) },
});

const diffTemplate = createRoute({
  method: 'get',
  path: '/templates/{id}/diff',
  tags: TEMPLATE_TAGS,
  summary: 'What changed from `against` (old) to this version (new): fields, prompt line diffs, schemas',
  request: { params: RefParamSchema, query: DiffQuerySchema },
  responses: { 200: jsonResponse(TemplateDiffSchema, 'The differences'), ...errorResponses(400, 404) },
});

export function templateVersionRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(createVersion, async (c) => c.json(await services.templates.createVersion(c.req.valid('param').id, c.req.valid('json')), 201));
  router.openapi(listVersions, async (c) => c.json({ items: await services.templates.versions(c.req.valid('param').id) }, 200));
  router.openapi(duplicateTemplate, async (c) => c.json(await services.templates.duplicate(c.req.valid('param').id, c.req.valid('json')), 201));
  router.openapi(activate, async (c) => c.json(await services.templates.activate(c.req.valid('param').id), 200));
  router.openapi(deactivate, async (c) => c.json(await services.templates.deactivate(c.req.valid('param').id), 200));
  router.openapi(rollbackTemplate, async (c) => c.json(await services.templates.rollback(c.req.valid('param').id, c.req.valid('json').version), 200));
  router.openapi(diffTemplate, async (c) => c.json(await services.templates.diff(c.req.valid('param').id, c.req.valid('query').against), 200));
  return router;
}
