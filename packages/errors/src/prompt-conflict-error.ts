import { PlatformError } from './platform-error';

/** A request that contradicts stored state: duplicate name, immutable version, wrong run state (HTTP 409). */
export class PromptConflictError extends PlatformError {
  override readonly type = 'conflict';
}
