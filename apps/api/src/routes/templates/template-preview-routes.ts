import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, jsonBody, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { jsonText } from './json-text';
import { RENDER_ERROR_DETAILS, RefParamSchema, RenderBodySchema, RenderedPromptsSchema, TEMPLATE_TAGS, TemplateVariablesSchema } from './template-schemas';

const variables = createRoute({
  method: 'get',
  path: '/templates/{id}/variables',
  tags: TEMPLATE_TAGS,
  summary: 'Variables used by the system and user prompts, and an input schema suggested from them',
  request: { params: RefParamSchema },
  responses: { 200: jsonResponse(TemplateVariablesSchema, 'The variables'), ...errorResponses(400, 404) },
});

const render = createRoute({
  method: 'post',
  path: '/templates/{id}/render',
  tags: TEMPLATE_TAGS,
  summary: 'Render both prompts with a context (checked against the input schema first) without calling a model',
  description: RENDER_ERROR_DETAILS,
  request: { params: RefParamSchema, body: jsonBody(RenderBodySchema) },
  responses: { 200: jsonResponse(RenderedPromptsSchema, 'The rendered prompts'), ...errorResponses(400, 404, 413, 422) },
});

export function templatePreviewRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(variables, async (c) => jsonText(c, (await services.templates.variables(c.req.valid('param').id)).json));
  router.openapi(render, async (c) => c.json(await services.templates.renderPreview(c.req.valid('param').id, c.req.valid('json').context), 200));
  return router;
}
