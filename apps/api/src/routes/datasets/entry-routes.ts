import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { DomainServices } from '@promptops/domain';
import { DatasetEntrySchema } from '@promptops/validators';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../../http/common-schemas';
import type { AppEnv } from '../../http/app-env';
import { createRouter } from '../../http/create-router';
import {
  DATASET_TAGS,
  EntryInputSchema,
  EntryPageSchema,
  EntryParamsSchema,
  EntryUpdateSchema,
  ListEntriesQuerySchema,
  WriteQuerySchema,
  parseTagList,
} from './dataset-schemas';

const createEntry = createRoute({
  method: 'post',
  path: '/datasets/{id}/entries',
  tags: DATASET_TAGS,
  summary: "Add one entry; input_data is checked against the template's input schema unless `validate=false`",
  request: { params: IdParamSchema, query: WriteQuerySchema, body: jsonBody(EntryInputSchema) },
  responses: { 201: jsonResponse(DatasetEntrySchema, 'Created'), ...errorResponses(400, 404, 422) },
});

const listEntries = createRoute({
  method: 'get',
  path: '/datasets/{id}/entries',
  tags: DATASET_TAGS,
  summary: 'List entries, optionally filtered by tags',
  request: { params: IdParamSchema, query: ListEntriesQuerySchema },
  responses: { 200: jsonResponse(EntryPageSchema, 'A page of entries'), ...errorResponses(400, 404) },
});

const getEntry = createRoute({
  method: 'get',
  path: '/datasets/{id}/entries/{entryId}',
  tags: DATASET_TAGS,
  summary: 'Get one entry',
  request: { params: EntryParamsSchema },
  responses: { 200: jsonResponse(DatasetEntrySchema, 'The entry'), ...errorResponses(400, 404) },
});

const updateEntry = createRoute({
  method: 'patch',
  path: '/datasets/{id}/entries/{entryId}',
  tags: DATASET_TAGS,
  summary: 'Change input_data, expected_output or tags of an entry',
  request: { params: EntryParamsSchema, query: WriteQuerySchema, body: jsonBody(EntryUpdateSchema) },
  responses: { 200: jsonResponse(DatasetEntrySchema, 'The updated entry'), ...errorResponses(400, 404, 422) },
});

const deleteEntry = createRoute({
  method: 'delete',
  path: '/datasets/{id}/entries/{entryId}',
  tags: DATASET_TAGS,
  summary: 'Delete an entry; executions that used it keep their rows',
  request: { params: EntryParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(400, 404) },
});

export function entryRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(createEntry, async (c) => {
    const validate = c.req.valid('query').validate !== 'false';
    const entry = await services.datasets.createEntry(c.req.valid('param').id, c.req.valid('json'), { validate });
    return c.json(entry, 201);
  });
  router.openapi(listEntries, async (c) => {
    const { tags, ...query } = c.req.valid('query');
    return c.json(await services.datasets.listEntries(c.req.valid('param').id, { ...query, tags: parseTagList(tags) }), 200);
  });
  router.openapi(getEntry, async (c) => {
    const { id, entryId } = c.req.valid('param');
    return c.json(await services.datasets.getEntry(id, entryId), 200);
  });
  router.openapi(updateEntry, async (c) => {
    const { id, entryId } = c.req.valid('param');
    const validate = c.req.valid('query').validate !== 'false';
    return c.json(await services.datasets.updateEntry(id, entryId, c.req.valid('json'), { validate }), 200);
  });
  router.openapi(deleteEntry, async (c) => {
    const { id, entryId } = c.req.valid('param');
    await services.datasets.deleteEntry(id, entryId);
    return c.body(null, 204);
  });
  return router;
}
