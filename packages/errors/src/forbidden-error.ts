import { PromptTemplateError } from './prompt-template-error';

/** Valid credentials that lack the scope the request needs, or a refused client address (HTTP 403). */
export class ForbiddenError extends PromptTemplateError {
  override readonly type = 'forbidden';
}
