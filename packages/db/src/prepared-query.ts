import type { EntityManager } from '@mikro-orm/postgresql';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<void>;
}

/**
 * Runs `text` (with `$1`… placeholders) as a named prepared statement on a pooled connection.
 * For the few large statements that run hundreds of times a second: PostgreSQL plans them once per
 * connection instead of on every call, and the values travel as parameters instead of being
 * escaped into the SQL text. Inside `em`'s transaction, on that transaction's connection.
 */
export async function queryPrepared<T>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  // Knex types its client as `any`; this is the part of its pg client the function uses. A knex
  // transaction's client hands out the transaction's connection and releases nothing.
  const client: KnexClient = (em.getTransactionContext() ?? em.getConnection().getKnex()).client;
  const connection = await client.acquireConnection();
  try {
    return (await connection.query({ name, text, values })).rows as T[];
  } finally {
    await client.releaseConnection(connection);
  }
}
