import { PlatformError } from './platform-error';

/** Valid credentials that lack the scope the request needs, or a refused client address (HTTP 403). */
export class ForbiddenError extends PlatformError {
  override readonly type = 'forbidden';
}
