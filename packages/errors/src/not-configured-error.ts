import { PlatformError } from './platform-error';

/** The feature asked for needs server configuration that is missing (HTTP 409); the message names it. */
export class NotConfiguredError extends PlatformError {
  override readonly type = 'not_configured';
}
