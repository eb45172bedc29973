import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, jsonBody, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { jsonText } from './json-text';
import { DraftPreviewBodySchema, DraftPreviewSchema, RENDER_ERROR_DETAILS, TEMPLATE_TAGS } from './template-schemas';

const previewDraft = createRoute({
  method: 'post',
  path: '/templates/preview',
  tags: TEMPLATE_TAGS,
  summary: 'Render unsaved prompts with a context and list their variables, without saving anything',
  description: `Renders in the same sandbox, with the same limits, as a saved version. An invalid \`input_schema\` answers 422 \`schema_error\`. ${RENDER_ERROR_DETAILS}`,
  request: { body: jsonBody(DraftPreviewBodySchema) },
  responses: { 200: jsonResponse(DraftPreviewSchema, 'The rendered prompts and their variables'), ...errorResponses(400, 413, 422) },
});

/** Routes on unsaved template text; mounted before `/templates/{id}` so `preview` is never read as a ref. */
export function templateDraftRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(previewDraft, async (c) => jsonText(c, (await services.templates.previewDraft(c.req.valid('json'))).json));
  return router;
}
