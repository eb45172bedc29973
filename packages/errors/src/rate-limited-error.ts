import { PlatformError } from './platform-error';

/** Too many requests in the current window (HTTP 429); the client may retry after `retryAfterSeconds`. */
export class RateLimitedError extends PlatformError {
  override readonly type = 'rate_limited';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    details?: unknown,
  ) {
    super(message, details);
  }
}
