import { PlatformError } from './platform-error';

/** What a request needed and could not reach. */
export type Dependency = 'database' | 'redis';

const NAMES: Record<Dependency, string> = { database: 'The database', redis: 'Redis' };

/** When to ask again while a dependency is down: soon, as most outages are restarts. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * A dependency the request needs (PostgreSQL, Redis) is unreachable or timed out (HTTP 503): the
 * request itself was fine and may be sent again after `retryAfterSeconds`. `reason` says what
 * failed, for the log only; it is never answered.
 */
export class ServiceUnavailableError extends PlatformError {
  override readonly type = 'service_unavailable';

  constructor(
    readonly dependency: Dependency,
    readonly reason: string,
    readonly retryAfterSeconds = UNAVAILABLE_RETRY_AFTER_SECONDS,
    options?: ErrorOptions,
  ) {
    super(`${NAMES[dependency]} is unavailable; try again shortly`, { dependency }, options);
  }
}
