import { PlatformError } from './platform-error';

/** A state-changing browser request that may come from another site, refused (HTTP 403). */
export class CsrfRejectedError extends PlatformError {
  override readonly type = 'csrf_rejected';
}
