import { z } from '@hono/zod-openapi';
import { API_KEY_SCOPES } from '@promptops/db';

export const KEY_TAGS = ['API keys'];

const timestamp = z.string().openapi({ format: 'date-time', example: '2025-01-31T12:00:00.000Z' });

export const CreateKeyBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).openapi({ example: 'ci' }),
    scopes: z
      .array(z.enum(API_KEY_SCOPES))
      .min(1)
      .max(API_KEY_SCOPES.length * 2)
      .openapi({ description: '`admin` includes `write`, which includes `read`', example: ['read', 'write'] }),
  })
  .openapi('CreateApiKey');

export const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scopes: z.array(z.enum(API_KEY_SCOPES)),
    key_prefix: z.string().openapi({ description: 'Non-secret start of the key, to tell keys apart', example: 'po_0b5f1c7e' }),
    created_at: timestamp,
    last_used_at: timestamp.nullable().openapi({ description: 'Updated at most once a minute' }),
    revoked_at: timestamp.nullable(),
  })
  .openapi('ApiKey');

export const CreatedKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: 'The key itself; shown only in this response, store it now' }),
}).openapi('CreatedApiKey');

export const KeyListSchema = z.object({ items: z.array(ApiKeySchema) }).openapi('ApiKeyList');
