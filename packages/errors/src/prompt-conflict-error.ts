import { PromptTemplateError } from './prompt-template-error';

/** A request that contradicts stored state: duplicate name, immutable version, wrong run state (HTTP 409). */
export class PromptConflictError extends PromptTemplateError {
  override readonly type = 'conflict';
}
