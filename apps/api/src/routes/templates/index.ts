import type { OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import type { AppEnv } from '../../http/app-env';
import { createRouter } from '../../http/create-router';
import { schemaRoutes } from './schema-routes';
import { templateCrudRoutes } from './template-crud-routes';
import { templateDraftRoutes } from './template-draft-routes';
import { templatePreviewRoutes } from './template-preview-routes';
import { templateVersionRoutes } from './template-version-routes';

/**
 * Templates and their schemas under `/v1`. Every `{id}` under /templates accepts a version id, a
 * bare name (the version it resolves to) or `name@N` (URL-encoded); /schemas/{id} takes a schema id.
 */
export function templateRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  // First, so `/templates/preview` is not taken for a template ref.
  router.route('/', templateDraftRoutes(services));
  router.route('/', templateCrudRoutes(services));
  router.route('/', templateVersionRoutes(services));
  router.route('/', templatePreviewRoutes(services));
  router.route('/', schemaRoutes(services));
  return router;
}
