import { PromptTemplateError } from './prompt-template-error';

/** Data (a context, an output) that breaks its JSON Schema; `details` lists Ajv's failing paths (HTTP 422). */
export class PromptValidationError extends PromptTemplateError {
  override readonly type = 'validation_error';
}
