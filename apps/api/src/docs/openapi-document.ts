import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';

export const OPENAPI_PATH = '/openapi.json';

/**
 * Serves the OpenAPI 3.1 description of every route registered on `app`. Every operation needs an
 * API key unless it says otherwise (the probes), so "Authorize" in the reference takes one key.
 */
export function serveOpenApiDocument(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key from `promptops keys create`, sent as `Authorization: Bearer <key>`.',
  });
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'PromptOps API',
      version: '0.1.0',
      description: 'Prompt templates with immutable versions, schemas, datasets, executions and evaluation runs.',
    },
    security: [{ bearerAuth: [] }],
  });
}
