import { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { AppConfig, Logger } from '@promptops/config';
import type { DomainServices } from '@promptops/domain';
import { PayloadTooLargeError } from '@promptops/errors';
import type { AppEnv } from './http/app-env';
import { createErrorHandler, errorBody } from './http/error-handler';
import { QUEUE_DASHBOARD_PATH, queueDashboard } from './admin/queue-dashboard';
import { datasetRoutes } from './routes/datasets';
import { executionRoutes } from './routes/executions';
import { generationRoutes } from './routes/executions/generation-route';
import { healthRoutes } from './routes/health';
import { templateRoutes } from './routes/templates';

export interface ApiDependencies {
  config: AppConfig;
  logger: Logger;
  services: DomainServices;
}

/** Builds the whole HTTP API; no sockets are opened, so tests drive it with `app.request()`. */
export function createApp(deps: ApiDependencies): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.onError(createErrorHandler(deps.logger));
  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));

  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new PayloadTooLargeError(`Request body exceeds ${maxSize} bytes`, { limit_bytes: maxSize });
      },
    });
  const defaultLimit = limitTo(deps.config.maxBodyBytes);
  // Dataset imports carry many entries at once, so they get their own, larger cap.
  const importLimit = limitTo(deps.config.maxImportBytes);
  app.use('/v1/*', (c, next) => (c.req.path.endsWith('/entries/import') ? importLimit : defaultLimit)(c, next));

  app.route('/', healthRoutes(deps));
  // Before templateRoutes, so `generate` is not taken for a template reference.
  app.route('/v1', generationRoutes(deps.services));
  app.route('/v1', templateRoutes(deps.services));
  app.route('/v1', executionRoutes(deps.services));
  app.route('/v1', datasetRoutes(deps.services));

  app.route(QUEUE_DASHBOARD_PATH, queueDashboard(deps.services.deps.queues.all()));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'PromptOps API',
      version: '0.1.0',
      description: 'Prompt templates with immutable versions, schemas, datasets, executions and evaluation runs.',
    },
  });
  app.get('/docs', Scalar({ url: '/openapi.json', pageTitle: 'PromptOps API reference' }));
  return app;
}
