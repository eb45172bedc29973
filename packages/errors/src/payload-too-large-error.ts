import { PlatformError } from './platform-error';

/** A body, context or import above its configured limit (HTTP 413). */
export class PayloadTooLargeError extends PlatformError {
  override readonly type = 'payload_too_large';
}
