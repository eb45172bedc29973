import { PlatformError } from './platform-error';

/** No credentials, or credentials that match no active API key or session (HTTP 401). */
export class UnauthorizedError extends PlatformError {
  override readonly type = 'unauthorized';
}
