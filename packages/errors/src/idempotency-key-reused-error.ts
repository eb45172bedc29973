import { PromptTemplateError } from './prompt-template-error';

/**
 * An Idempotency-Key sent again with a different request body (HTTP 422): answering with what the
 * first request created would be answering a request that was never made.
 */
export class IdempotencyKeyReusedError extends PromptTemplateError {
  override readonly type = 'idempotency_key_reused';
}
