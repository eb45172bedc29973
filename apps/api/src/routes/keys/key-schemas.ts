import { z } from '@hono/zod-openapi';
import { API_KEY_SCOPES } from '@promptops/db';
import { ApiKeySchema } from '@promptops/validators';

export const KEY_TAGS = ['API keys'];

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

export const KeyListSchema = z.object({ items: z.array(ApiKeySchema) }).openapi('ApiKeyList');
