import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ApiKey } from './api-key';

/**
 * A signed-in browser of the web console, acting as one API key. The cookie holds a random 256-bit
 * token; only its SHA-256 is stored, so a database dump opens no session.
 */
export const ConsoleSession = defineEntity({
  name: 'ConsoleSession',
  tableName: 'console_sessions',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    token_hash: p.string().length(64),
    api_key: () => p.manyToOne(ApiKey).mapToPk().deleteRule('cascade'),
    created_at: p.datetime().onCreate(() => new Date()),
    expires_at: p.datetime(),
    last_seen_at: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'console_sessions_token_hash_unique', properties: ['token_hash'] }],
  indexes: [
    { name: 'console_sessions_api_key_idx', properties: ['api_key'] },
    { name: 'console_sessions_expires_idx', properties: ['expires_at'] },
  ],
});
export type ConsoleSession = InferEntity<typeof ConsoleSession>;
