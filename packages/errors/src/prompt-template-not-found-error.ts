import { PromptTemplateError } from './prompt-template-error';

/** A template, version, dataset, entry, schema or execution that does not exist (HTTP 404). */
export class PromptTemplateNotFoundError extends PromptTemplateError {
  override readonly type = 'not_found';
}
