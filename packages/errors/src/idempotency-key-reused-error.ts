import { PlatformError } from './platform-error';

/**
 * An Idempotency-Key sent again with a different request body (HTTP 422): answering with what the
 * first request created would be answering a request that was never made.
 */
export class IdempotencyKeyReusedError extends PlatformError {
  override readonly type = 'idempotency_key_reused';
}
