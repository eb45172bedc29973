import type { AppConfig, Logger } from '@promptops/config';
import { createRedisConnection } from '@promptops/queue';
import type { Redis } from 'ioredis';

/** The process's main Redis connection, which reports an outage once rather than at every retry. */
export function connectRedis(config: Pick<AppConfig, 'redisUrl' | 'queuePrefix'>, logger: Logger): Redis {
  const redis = createRedisConnection(config.redisUrl, `${config.queuePrefix}-main`);
  // ioredis retries every two seconds while Redis is away, failing each time: say so once per outage.
  let redisDown = false;
  redis.on('error', (error) => {
    if (!redisDown) logger.warn({ err: error }, 'redis connection lost; reconnecting');
    redisDown = true;
  });
  redis.on('ready', () => {
    if (redisDown) logger.info('redis connection restored');
    redisDown = false;
  });
  return redis;
}
