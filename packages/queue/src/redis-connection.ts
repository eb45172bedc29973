import { Redis } from 'ioredis';

/**
 * A connection suitable for BullMQ: workers block on Redis, so commands must wait for a reconnect
 * instead of failing after a few retries (maxRetriesPerRequest: null).
 */
export function createRedisConnection(url: string, name?: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: name,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
}
