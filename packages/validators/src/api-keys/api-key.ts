import { z } from '@hono/zod-openapi';
import { API_KEY_SCOPES } from '@promptops/db';
import { timestamp } from '../json';

/** An API key as clients see it: never the key itself, nor its hash. */
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

export type ApiKeyView = z.infer<typeof ApiKeySchema>;

/** A key as created: the only answer that carries the key itself. */
export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().openapi({ description: 'The key itself; shown only in this response, store it now' }),
}).openapi('CreatedApiKey');
