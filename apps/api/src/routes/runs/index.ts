import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices, SubmitRunResult } from '@promptops/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, IdParamSchema, pageSchema, PaginationQuerySchema } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { jsonBody, jsonResponse } from '../datasets/dataset-schemas';
import { IdempotencyHeaderSchema } from '../executions/execution-schemas';
import { CompareQuerySchema, ComparisonSchema, ListResultsQuerySchema, ResultSchema, RUN_TAGS, RunSchema, SubmitRunBodySchema } from './run-schemas';

const submitRun = createRoute({
  method: 'post',
  path: '/datasets/{id}/runs',
  tags: RUN_TAGS,
  summary: "Evaluate a template version over the dataset's entries with scorers",
  request: { params: IdParamSchema, body: jsonBody(SubmitRunBodySchema), headers: IdempotencyHeaderSchema },
  responses: {
    202: jsonResponse(RunSchema, 'Accepted and queued'),
    200: jsonResponse(RunSchema, 'Idempotent replay of an earlier submission'),
    ...errorResponses(400, 404, 409, 422),
  },
});

const listRuns = createRoute({
  method: 'get',
  path: '/datasets/{id}/runs',
  tags: RUN_TAGS,
  summary: "The dataset's runs, newest first",
  request: { params: IdParamSchema, query: PaginationQuerySchema },
  responses: { 200: jsonResponse(pageSchema(RunSchema, 'RunPage'), 'A page of runs'), ...errorResponses(400, 404) },
});

const compareRuns = createRoute({
  method: 'get',
  path: '/runs/compare',
  tags: RUN_TAGS,
  summary: 'Compare two finished runs over the same dataset, entry by entry, with significance tests',
  request: { query: CompareQuerySchema },
  responses: { 200: jsonResponse(ComparisonSchema, 'The comparison'), ...errorResponses(400, 404, 409) },
});

const getRun = createRoute({
  method: 'get',
  path: '/runs/{id}',
  tags: RUN_TAGS,
  summary: 'A run with its progress and summary (live while it runs)',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(RunSchema, 'The run'), ...errorResponses(400, 404) },
});

const listResults = createRoute({
  method: 'get',
  path: '/runs/{id}/results',
  tags: RUN_TAGS,
  summary: 'Per item: input, expected output, output and scores',
  request: { params: IdParamSchema, query: ListResultsQuerySchema },
  responses: { 200: jsonResponse(pageSchema(ResultSchema, 'RunResultPage'), 'A page of results'), ...errorResponses(400, 404) },
});

const cancelRun = createRoute({
  method: 'post',
  path: '/runs/{id}/cancel',
  tags: RUN_TAGS,
  summary: 'Cancel a queued or running run and its unfinished executions',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(RunSchema, 'The run after cancelling'), ...errorResponses(400, 404, 409) },
});

const rerunFailed = createRoute({
  method: 'post',
  path: '/runs/{id}/rerun-failed',
  tags: RUN_TAGS,
  summary: 'Start a new run (linked by parent_run_id) over only the items that failed',
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema },
  responses: {
    202: jsonResponse(RunSchema, 'Accepted and queued'),
    200: jsonResponse(RunSchema, 'Idempotent replay of an earlier request'),
    ...errorResponses(400, 404, 409),
  },
});

/** 202 with Location for a new run; 200 flagged `Idempotent-Replayed` when the key was seen before. */
function answerRun(c: Context<AppEnv>, submitted: SubmitRunResult) {
  c.header('Location', `/v1/runs/${submitted.run.id}`);
  if (submitted.replayed) {
    c.header('Idempotent-Replayed', 'true');
    return c.json(submitted.run, 200);
  }
  return c.json(submitted.run, 202);
}

/** Evaluation runs under `/v1`; `compare` is registered before `{id}` so it is not taken for one. */
export function runRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  const tracking = (c: Context<AppEnv>, key: string | undefined) => ({ ...(key ? { idempotency_key: key } : {}), request_id: c.get('requestId') });

  router.openapi(submitRun, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const submitted = await services.evaluations.submit({ dataset_id: id, ...body, ...tracking(c, c.req.valid('header')['idempotency-key']) });
    return answerRun(c, submitted) as never;
  });
  router.openapi(listRuns, async (c) => c.json(await services.evaluations.listForDataset(c.req.valid('param').id, c.req.valid('query')), 200));
  router.openapi(compareRuns, async (c) => {
    const { base, candidate } = c.req.valid('query');
    return c.json(await services.evaluations.compare(base, candidate), 200);
  });
  router.openapi(getRun, async (c) => c.json(await services.evaluations.get(c.req.valid('param').id), 200));
  router.openapi(listResults, async (c) => {
    const { status, passed, limit, offset } = c.req.valid('query');
    const filter = { limit, offset, ...(status ? { status } : {}), ...(passed === undefined ? {} : { passed }) };
    return c.json(await services.evaluations.results(c.req.valid('param').id, filter), 200);
  });
  router.openapi(cancelRun, async (c) => c.json(await services.evaluations.cancel(c.req.valid('param').id), 200));
  router.openapi(rerunFailed, async (c) => {
    const submitted = await services.evaluations.rerunFailed(c.req.valid('param').id, tracking(c, c.req.valid('header')['idempotency-key']));
    return answerRun(c, submitted) as never;
  });
  return router;
}
