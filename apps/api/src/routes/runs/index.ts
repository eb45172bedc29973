import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices, SubmitRunResult } from '@promptops/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env';
import { errorResponses, IdParamSchema, pageSchema, PaginationQuerySchema, jsonBody, jsonResponse } from '../../http/common-schemas';
import { createRouter } from '../../http/create-router';
import { idempotencyOf } from '../../http/idempotency';

import { IdempotencyHeaderSchema } from '../executions/execution-schemas';
import { RunComparisonSchema, RunResultSchema, RunSchema } from '@promptops/validators';
import { CompareQuerySchema, ListResultsQuerySchema, ListRunsQuerySchema, RerunFailedBodySchema, RUN_TAGS, SubmitRunBodySchema } from './run-schemas';

const RunPageSchema = pageSchema(RunSchema, 'RunPage');

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
  responses: { 200: jsonResponse(RunPageSchema, 'A page of runs'), ...errorResponses(400, 404) },
});

const listAllRuns = createRoute({
  method: 'get',
  path: '/runs',
  tags: RUN_TAGS,
  summary: 'Runs of every dataset (or of one), newest first',
  request: { query: ListRunsQuerySchema },
  responses: { 200: jsonResponse(RunPageSchema, 'A page of runs'), ...errorResponses(400) },
});

const compareRuns = createRoute({
  method: 'get',
  path: '/runs/compare',
  tags: RUN_TAGS,
  summary: 'Compare two finished runs over the same dataset, entry by entry, with significance tests',
  request: { query: CompareQuerySchema },
  responses: { 200: jsonResponse(RunComparisonSchema, 'The comparison'), ...errorResponses(400, 404, 409) },
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
  responses: { 200: jsonResponse(pageSchema(RunResultSchema, 'RunResultPage'), 'A page of results'), ...errorResponses(400, 404) },
});

const cancelRun = createRoute({
  method: 'post',
  path: '/runs/{id}/cancel',
  tags: RUN_TAGS,
  summary: 'Cancel a queued or running run and its unfinished executions',
  description: 'A run that had already finished is answered unchanged (check `status`), as a finished execution is.',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(RunSchema, 'The run after cancelling, or unchanged when it had already finished'), ...errorResponses(400, 404) },
});

const resumeRun = createRoute({
  method: 'post',
  path: '/runs/{id}/resume',
  tags: RUN_TAGS,
  summary: 'Resume a cancelled run: its unfinished items run again under the same run',
  description:
    'Finished items keep their results; each resumed item gets a new execution (the cancelled ones stay as history). 409 unless the run is cancelled with items left.',
  request: { params: IdParamSchema },
  responses: { 202: jsonResponse(RunSchema, 'Queued again'), ...errorResponses(400, 404, 409) },
});

const rerunFailed = createRoute({
  method: 'post',
  path: '/runs/{id}/rerun-failed',
  tags: RUN_TAGS,
  summary: 'Start a new run (linked by parent_run_id) over only the items that failed',
  request: {
    params: IdParamSchema,
    headers: IdempotencyHeaderSchema,
    body: { required: false, content: { 'application/json': { schema: RerunFailedBodySchema } } },
  },
  responses: {
    202: jsonResponse(RunSchema, 'Accepted and queued'),
    200: jsonResponse(RunSchema, 'Idempotent replay of an earlier request'),
    ...errorResponses(400, 404, 409, 422),
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
  const tracking = (c: Context<AppEnv>, key: string | undefined, body: unknown) => {
    const idempotency = idempotencyOf(c, key, body);
    return { ...(idempotency ? { idempotency } : {}), request_id: c.get('requestId') };
  };

  router.openapi(submitRun, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const submitted = await services.evaluations.submit({ dataset_id: id, ...body, ...tracking(c, c.req.valid('header')['idempotency-key'], body) });
    return answerRun(c, submitted);
  });
  router.openapi(listRuns, async (c) => c.json(await services.evaluations.listForDataset(c.req.valid('param').id, c.req.valid('query')), 200));
  router.openapi(listAllRuns, async (c) => {
    const { dataset_id, status, limit, offset } = c.req.valid('query');
    return c.json(await services.evaluations.list({ ...(dataset_id ? { dataset_id } : {}), ...(status ? { status } : {}) }, { limit, offset }), 200);
  });
  router.openapi(compareRuns, async (c) => {
    const { base, candidate } = c.req.valid('query');
    return c.json(await services.evaluations.compare(base, candidate), 200);
  });
  router.openapi(getRun, async (c) => c.json(await services.evaluations.get(c.req.valid('param').id), 200));
  router.openapi(listResults, async (c) => {
    const { status, passed, dataset_entry_ids, limit, offset } = c.req.valid('query');
    const filter = {
      limit,
      offset,
      ...(status ? { status } : {}),
      ...(passed === undefined ? {} : { passed }),
      ...(dataset_entry_ids ? { dataset_entry_ids } : {}),
    };
    return c.json(await services.evaluations.results(c.req.valid('param').id, filter), 200);
  });
  router.openapi(cancelRun, async (c) => c.json(await services.evaluations.cancel(c.req.valid('param').id), 200));
  router.openapi(resumeRun, async (c) => {
    const run = await services.evaluations.resume(c.req.valid('param').id);
    c.header('Location', `/v1/runs/${run.id}`);
    return c.json(run, 202);
  });
  router.openapi(rerunFailed, async (c) => {
    const body = c.req.valid('json');
    const options = { ...(body.include ? { include: body.include } : {}), ...tracking(c, c.req.valid('header')['idempotency-key'], body) };
    const submitted = await services.evaluations.rerunFailed(c.req.valid('param').id, options);
    return answerRun(c, submitted);
  });
  return router;
}
