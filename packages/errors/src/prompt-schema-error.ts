import { PromptTemplateError } from './prompt-template-error';

/** A JSON Schema that is itself invalid against the draft 2020-12 meta-schema (HTTP 422). */
export class PromptSchemaError extends PromptTemplateError {
  override readonly type = 'schema_error';
}
