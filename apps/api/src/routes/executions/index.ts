import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env';
import type { DomainServices } from '@promptops/domain';
import { createRouter } from '../../http/create-router';
import { idempotencyOf } from '../../http/idempotency';
import { providerRoutes } from './provider-route';
import { answerSubmission } from './submission-response';
import { IdParamSchema, errorResponses, pageSchema } from '../../http/common-schemas';
import { ExecutionAcceptedSchema, ExecutionSchema } from '@promptops/validators';
import { IdempotencyHeaderSchema, ListExecutionsQuerySchema, SubmitExecutionBodySchema, SubmitQuerySchema } from './execution-schemas';

const submitRoute = createRoute({
  method: 'post',
  path: '/executions',
  tags: ['Executions'],
  summary: 'Submit a prompt execution (template + context, or raw prompts)',
  request: {
    body: { required: true, content: { 'application/json': { schema: SubmitExecutionBodySchema } } },
    query: SubmitQuerySchema,
    headers: IdempotencyHeaderSchema,
  },
  responses: {
    200: { description: 'Finished within `wait`, or an idempotent replay of a finished one', content: { 'application/json': { schema: ExecutionSchema } } },
    202: { description: 'Accepted and queued', content: { 'application/json': { schema: ExecutionAcceptedSchema } } },
    ...errorResponses(400, 404, 413, 422),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/executions/{id}',
  tags: ['Executions'],
  summary: 'Get one execution with prompts, output, tokens, cost, timing and attempts',
  request: { params: IdParamSchema },
  responses: { 200: { description: 'The execution', content: { 'application/json': { schema: ExecutionSchema } } }, ...errorResponses(400, 404) },
});

const listRoute = createRoute({
  method: 'get',
  path: '/executions',
  tags: ['Executions'],
  summary: 'List executions, newest first',
  request: { query: ListExecutionsQuerySchema },
  responses: {
    200: { description: 'A page of executions', content: { 'application/json': { schema: pageSchema(ExecutionSchema, 'ExecutionPage') } } },
    ...errorResponses(400),
  },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/executions/{id}/cancel',
  tags: ['Executions'],
  summary: 'Cancel a queued or running execution',
  description: 'An execution that had already finished is answered unchanged (check `status`), as a finished run is.',
  request: { params: IdParamSchema },
  responses: {
    200: {
      description: 'The execution after cancelling, or unchanged when it had already finished',
      content: { 'application/json': { schema: ExecutionSchema } },
    },
    ...errorResponses(400, 404),
  },
});

export function executionRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();

  router.openapi(submitRoute, async (c) => {
    const body = c.req.valid('json');
    const { wait } = c.req.valid('query');
    const idempotency = idempotencyOf(c, c.req.valid('header')['idempotency-key'], body);
    const overrides = {
      ...(body.provider === undefined ? {} : { provider: body.provider }),
      ...(body.model === undefined ? {} : { model: body.model }),
      ...(body.temperature === undefined ? {} : { temperature: body.temperature }),
      ...(body.max_tokens === undefined ? {} : { max_tokens: body.max_tokens }),
    };
    const tracking = { ...(idempotency ? { idempotency } : {}), request_id: c.get('requestId') };
    const template = body.template_id ?? body.template;
    const submitted = template
      ? await services.executions.submit({ template, context: body.context ?? {}, ...overrides, ...tracking })
      : await services.executions.submit({
          user_prompt: body.user_prompt as string,
          ...(body.system_prompt === undefined ? {} : { system_prompt: body.system_prompt }),
          ...(body.output_schema === undefined ? {} : { output_schema: body.output_schema }),
          ...(body.max_validation_retries === undefined ? {} : { max_validation_retries: body.max_validation_retries }),
          ...overrides,
          ...tracking,
        });
    return answerSubmission(c, services, submitted, wait);
  });

  router.openapi(getRoute, async (c) => c.json(await services.executions.get(c.req.valid('param').id), 200));

  router.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const page = await services.executions.list({
      limit: query.limit,
      offset: query.offset,
      ...(query.template_id ? { template_id: query.template_id } : {}),
      ...(query.template ? { template: query.template } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.failure_kind ? { failure_kind: query.failure_kind } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.run_id ? { run_id: query.run_id } : {}),
      ...(query.from ? { from: new Date(query.from) } : {}),
      ...(query.to ? { to: new Date(query.to) } : {}),
    });
    return c.json(page, 200);
  });

  router.openapi(cancelRoute, async (c) => c.json(await services.executions.cancel(c.req.valid('param').id), 200));
  router.route('/', providerRoutes(services));
  return router;
}
