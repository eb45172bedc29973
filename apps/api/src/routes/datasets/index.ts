import type { OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import type { AppEnv } from '../../http/app-env';
import { createRouter } from '../../http/create-router';
import { datasetCrudRoutes } from './dataset-routes';
import { entryRoutes } from './entry-routes';
import { entryTransferRoutes } from './entry-transfer-routes';

/**
 * Datasets and their entries under `/v1`. Import and export are mounted before the entry routes so
 * `/entries/export` is not taken for `/entries/{entryId}` (and rejected as a bad uuid).
 */
export function datasetRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.route('/', datasetCrudRoutes(services));
  router.route('/', entryTransferRoutes(services));
  router.route('/', entryRoutes(services));
  return router;
}
