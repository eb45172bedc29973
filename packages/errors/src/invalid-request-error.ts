import { PromptTemplateError } from './prompt-template-error';

/** A request that is malformed: bad JSON, wrong types, unknown fields, bad query (HTTP 400). */
export class InvalidRequestError extends PromptTemplateError {
  override readonly type = 'invalid_request';
}
