import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { TemplateDeleteResultSchema, TemplateFacetsSchema, TemplateSchema } from '@promptops/validators';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, jsonBody, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { ListTemplatesQuerySchema, TemplatePageSchema } from './template-list-schemas';
import { CreateTemplateBodySchema, RefParamSchema, TEMPLATE_TAGS, UpdateTemplateBodySchema } from './template-schemas';

const createTemplate = createRoute({
  method: 'post',
  path: '/templates',
  tags: TEMPLATE_TAGS,
  summary: 'Create version 1 of a new template name, optionally with input/output schemas',
  request: { body: jsonBody(CreateTemplateBodySchema) },
  responses: { 201: jsonResponse(TemplateSchema, 'Created'), ...errorResponses(400, 409, 413, 422) },
});

const listTemplates = createRoute({
  method: 'get',
  path: '/templates',
  tags: TEMPLATE_TAGS,
  summary: 'List template versions (by default ordered by name, newest version first), or one row per name',
  request: { query: ListTemplatesQuerySchema },
  responses: { 200: jsonResponse(TemplatePageSchema, 'A page of template versions'), ...errorResponses(400) },
});

const templateFacets = createRoute({
  method: 'get',
  path: '/templates/facets',
  tags: TEMPLATE_TAGS,
  summary: 'Categories and tags in use, with how many template names carry each, and the suggested categories',
  responses: { 200: jsonResponse(TemplateFacetsSchema, 'Categories and tags in use') },
});

const getTemplate = createRoute({
  method: 'get',
  path: '/templates/{id}',
  tags: TEMPLATE_TAGS,
  summary: 'Get one version by id, `name` (the version it resolves to) or `name@N`',
  request: { params: RefParamSchema },
  responses: { 200: jsonResponse(TemplateSchema, 'The version'), ...errorResponses(400, 404) },
});

const updateTemplate = createRoute({
  method: 'patch',
  path: '/templates/{id}',
  tags: TEMPLATE_TAGS,
  summary:
    'Change metadata: description, category and tags belong to the name and change for every version; is_active changes the version addressed. Content changes answer 409',
  request: { params: RefParamSchema, body: jsonBody(UpdateTemplateBodySchema) },
  responses: { 200: jsonResponse(TemplateSchema, 'The updated version'), ...errorResponses(400, 404, 409) },
});

const deleteTemplate = createRoute({
  method: 'delete',
  path: '/templates/{id}',
  tags: TEMPLATE_TAGS,
  summary:
    'Delete a whole template (a bare name: every version) or one version (`name@N` or an id): each version hard when it never ran, soft (hidden, kept for history) when it has executions or runs',
  request: { params: RefParamSchema },
  responses: { 200: jsonResponse(TemplateDeleteResultSchema, 'What was deleted, and what the name resolves to now'), ...errorResponses(400, 404) },
});

export function templateCrudRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(createTemplate, async (c) => c.json(await services.templates.create(c.req.valid('json')), 201));
  router.openapi(listTemplates, async (c) => {
    const { tag, ...query } = c.req.valid('query');
    return c.json(await services.templates.list({ ...query, ...(tag ? { tags: tag } : {}) }), 200);
  });
  // Before `{id}`, so `facets` is not taken for a template name (a template so named stays reachable as `facets@N`).
  router.openapi(templateFacets, async (c) => c.json(await services.templates.facets(), 200));
  router.openapi(getTemplate, async (c) => c.json(await services.templates.get(c.req.valid('param').id), 200));
  router.openapi(updateTemplate, async (c) => c.json(await services.templates.update(c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(deleteTemplate, async (c) => c.json(await services.templates.delete(c.req.valid('param').id), 200));
  return router;
}
