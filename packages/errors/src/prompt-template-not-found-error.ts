import { NotFoundError } from './not-found-error';

/** A template version, by id, name or `name@N`, that does not exist or is hidden (HTTP 404). */
export class PromptTemplateNotFoundError extends NotFoundError {
  constructor(ref: string, message?: string) {
    super('template', ref, {}, message);
  }
}
