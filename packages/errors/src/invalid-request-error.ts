import { PlatformError } from './platform-error';

/** A request that is malformed: bad JSON, wrong types, unknown fields, bad query (HTTP 400). */
export class InvalidRequestError extends PlatformError {
  override readonly type = 'invalid_request';
}
