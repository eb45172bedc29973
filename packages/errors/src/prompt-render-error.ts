import { PromptTemplateError } from './prompt-template-error';

/** A template that cannot be compiled or rendered: syntax, missing variable, sandbox limit (HTTP 422). */
export class PromptRenderError extends PromptTemplateError {
  override readonly type = 'render_error';
}
