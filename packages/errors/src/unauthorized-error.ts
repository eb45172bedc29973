import { PromptTemplateError } from './prompt-template-error';

/** No credentials, or credentials that match no active API key or session (HTTP 401). */
export class UnauthorizedError extends PromptTemplateError {
  override readonly type = 'unauthorized';
}
