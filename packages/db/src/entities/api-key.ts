import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const API_KEY_SCOPES = ['read', 'write', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * A credential for the HTTP API. Only the SHA-256 of the key is stored; the key itself is shown
 * once at creation. `key_prefix` is the non-secret start of the key, so people can tell keys apart.
 */
export const ApiKey = defineEntity({
  name: 'ApiKey',
  tableName: 'api_keys',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    name: p.string().length(100),
    scopes: p.array<ApiKeyScope>().columnType('text[]'),
    key_hash: p.string().length(64),
    key_prefix: p.string().length(40),
    created_at: p.datetime().onCreate(() => new Date()),
    last_used_at: p.datetime().nullable(),
    revoked_at: p.datetime().nullable(),
  },
  indexes: [{ name: 'api_keys_active_idx', properties: ['revoked_at'] }],
});
export type ApiKey = InferEntity<typeof ApiKey>;
