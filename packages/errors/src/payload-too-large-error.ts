import { PromptTemplateError } from './prompt-template-error';

/** A body, context or import above its configured limit (HTTP 413). */
export class PayloadTooLargeError extends PromptTemplateError {
  override readonly type = 'payload_too_large';
}
