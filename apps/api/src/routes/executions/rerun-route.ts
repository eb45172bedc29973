import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { ExecutionAcceptedSchema } from '@promptops/validators';
import type { AppEnv } from '../../http/app-env';
import { createRouter } from '../../http/create-router';
import { IdParamSchema, errorResponses } from '../../http/common-schemas';
import { answerAccepted } from './submission-response';

const rerunRoute = createRoute({
  method: 'post',
  path: '/executions/{id}/rerun',
  tags: ['Executions'],
  summary: 'Run an execution again as a new execution',
  description:
    'Submits a new execution with the same template version and context (or the same raw prompts and output schema) and the same provider, model and sampling settings. The original is left as it was. Items of an evaluation run answer 409: re-run them with `POST /v1/runs/{id}/rerun-failed`.',
  request: { params: IdParamSchema },
  responses: {
    202: { description: 'The new execution, queued', content: { 'application/json': { schema: ExecutionAcceptedSchema } } },
    ...errorResponses(400, 404, 409, 422),
  },
});

export function rerunRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(rerunRoute, async (c) => {
    // No idempotency key and no wait: a rerun is always a new execution, answered as queued.
    const { execution } = await services.executions.rerun(c.req.valid('param').id, { request_id: c.get('requestId') });
    return answerAccepted(c, execution);
  });
  return router;
}
