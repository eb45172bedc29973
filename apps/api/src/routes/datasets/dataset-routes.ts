import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { DatasetDeleteResultSchema, DatasetDetailSchema, DatasetSchema } from '@promptops/validators';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../../http/common-schemas';
import type { AppEnv } from '../../http/app-env';
import { createRouter } from '../../http/create-router';
import { CreateDatasetSchema, DatasetPageSchema, ListDatasetsQuerySchema, DATASET_TAGS, UpdateDatasetSchema } from './dataset-schemas';

const createDataset = createRoute({
  method: 'post',
  path: '/datasets',
  tags: DATASET_TAGS,
  summary: 'Create a dataset, optionally tied to a template (by name, or pinned to a version)',
  request: { body: jsonBody(CreateDatasetSchema) },
  responses: { 201: jsonResponse(DatasetSchema, 'Created'), ...errorResponses(400, 404, 409) },
});

const listDatasets = createRoute({
  method: 'get',
  path: '/datasets',
  tags: DATASET_TAGS,
  summary: 'List datasets by name',
  request: { query: ListDatasetsQuerySchema },
  responses: { 200: jsonResponse(DatasetPageSchema, 'A page of datasets'), ...errorResponses(400) },
});

const getDataset = createRoute({
  method: 'get',
  path: '/datasets/{id}',
  tags: DATASET_TAGS,
  summary: 'Get a dataset with its entry count and tag summary',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(DatasetDetailSchema, 'The dataset'), ...errorResponses(400, 404) },
});

const updateDataset = createRoute({
  method: 'patch',
  path: '/datasets/{id}',
  tags: DATASET_TAGS,
  summary: 'Rename, describe, or re-tie a dataset (`template: null` unties it)',
  request: {
    params: IdParamSchema,
    body: jsonBody(UpdateDatasetSchema),
  },
  responses: { 200: jsonResponse(DatasetSchema, 'The updated dataset'), ...errorResponses(400, 404, 409) },
});

const deleteDataset = createRoute({
  method: 'delete',
  path: '/datasets/{id}',
  tags: DATASET_TAGS,
  summary: 'Delete a dataset: with its entries when it was never evaluated; soft (hidden, runs and results kept) when it has runs',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(DatasetDeleteResultSchema, 'How the dataset was deleted'), ...errorResponses(400, 404) },
});

export function datasetCrudRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(createDataset, async (c) => c.json(await services.datasets.create(c.req.valid('json')), 201));
  router.openapi(listDatasets, async (c) => c.json(await services.datasets.list(c.req.valid('query')), 200));
  router.openapi(getDataset, async (c) => c.json(await services.datasets.get(c.req.valid('param').id), 200));
  router.openapi(updateDataset, async (c) => c.json(await services.datasets.update(c.req.valid('param').id, c.req.valid('json')), 200));
  router.openapi(deleteDataset, async (c) => c.json(await services.datasets.delete(c.req.valid('param').id), 200));
  return router;
}
