import { PromptTemplateError } from './prompt-template-error';

/** A state-changing browser request that may come from another site, refused (HTTP 403). */
export class CsrfRejectedError extends PromptTemplateError {
  override readonly type = 'csrf_rejected';
}
