import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { DATASET_LIMITS, type DomainServices, type ImportFormat, type NewEntryInput } from '@promptops/domain';
import { errorResponses, IdParamSchema, jsonResponse } from '../../http/common-schemas';
import type { AppEnv } from '../../http/app-env';
import { createRouter } from '../../http/create-router';
import { DatasetImportResultSchema } from '@promptops/validators';
import { DATASET_TAGS, ImportQuerySchema } from './dataset-schemas';

const FORMAT_BY_MEDIA_TYPE: Record<string, ImportFormat> = {
  'application/json': 'json',
  'application/jsonl': 'jsonl',
  'application/x-ndjson': 'jsonl',
  'text/plain': 'jsonl',
};

const entryRef = { $ref: '#/components/schemas/DatasetEntryInput' };
const jsonLinesDoc = { schema: { type: 'string' as const, description: 'One DatasetEntryInput JSON object per line; blank lines are skipped' } };

// Plain OpenAPI objects rather than zod: a zod body schema would make the framework parse every
// JSON body itself and reject JSON Lines, while this route reads and reports on the raw text.
const importBodyDoc = {
  required: true,
  description: `Up to ${DATASET_LIMITS.maxImportEntries} entries, all written or none`,
  content: {
    'application/json': {
      schema: {
        oneOf: [
          { type: 'array' as const, items: entryRef },
          { type: 'object' as const, properties: { entries: { type: 'array' as const, items: entryRef } }, required: ['entries'], additionalProperties: false },
        ],
      },
    },
    'application/jsonl': jsonLinesDoc,
    'application/x-ndjson': jsonLinesDoc,
    'text/plain': jsonLinesDoc,
  },
};

const importEntries = createRoute({
  method: 'post',
  path: '/datasets/{id}/entries/import',
  tags: DATASET_TAGS,
  summary: 'Bulk-import entries from a JSON array or JSON Lines, in one transaction',
  description:
    'Any malformed item rejects the whole import (400, `details.issues` lists each bad item by `index` or `line`); ' +
    "input_data breaking the template's input schema rejects it with 422 unless `validate=false`.",
  request: { params: IdParamSchema, query: ImportQuerySchema, body: importBodyDoc },
  responses: { 201: jsonResponse(DatasetImportResultSchema, 'Imported'), ...errorResponses(400, 404, 413, 422) },
});

const exportEntries = createRoute({
  method: 'get',
  path: '/datasets/{id}/entries/export',
  tags: DATASET_TAGS,
  summary: 'Stream every entry as JSON Lines, oldest first, in the shape the import accepts',
  request: { params: IdParamSchema },
  // No `content` on 200: zod-openapi would then type the handler's answer as JSON and refuse a stream.
  responses: {
    200: { description: '`application/jsonl`: one DatasetEntryInput JSON object per line' },
    ...errorResponses(400, 404),
  },
});

function importFormatOf(contentType: string | undefined): ImportFormat {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = FORMAT_BY_MEDIA_TYPE[mediaType];
  if (!format) {
    throw new HTTPException(415, {
      message: `Import body must be one of ${Object.keys(FORMAT_BY_MEDIA_TYPE).join(', ')}; got "${mediaType || 'none'}"`,
    });
  }
  return format;
}

function toJsonLines(entries: AsyncGenerator<NewEntryInput>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await entries.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
    async cancel() {
      await entries.return(undefined);
    },
  });
}

export function entryTransferRoutes(services: DomainServices): OpenAPIHono<AppEnv> {
  const router = createRouter();
  router.openapi(importEntries, async (c) => {
    const format = importFormatOf(c.req.header('content-type'));
    const { validate, dedupe } = c.req.valid('query');
    const result = await services.datasets.importEntries(c.req.valid('param').id, await c.req.text(), format, {
      validate: validate !== 'false',
      dedupe: dedupe === 'true',
    });
    return c.json(result, 201);
  });
  router.openapi(exportEntries, async (c) => {
    const { id } = c.req.valid('param');
    const entries = await services.datasets.exportEntries(id);
    return c.body(toJsonLines(entries), 200, {
      'content-type': 'application/jsonl; charset=utf-8',
      'content-disposition': `attachment; filename="dataset-${id}.jsonl"`,
    });
  });
  return router;
}
