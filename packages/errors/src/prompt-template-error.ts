import { PlatformError } from './platform-error';

/**
 * Root of the errors about a prompt template itself: its Jinja2 source, its JSON Schemas and the
 * data checked against them. Errors about anything else (a request, a missing dataset, a conflict)
 * are PlatformErrors of their own.
 */
export class PromptTemplateError extends PlatformError {
  override readonly type: string = 'prompt_template_error';
}
