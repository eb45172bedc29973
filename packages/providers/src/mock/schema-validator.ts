import { type JsonSchema, JsonSchemaValidator } from '@promptops/schemas';

// The platform's own validator (same Ajv version, options, formats and cache as the domain layer),
// so "the mock's output validates" means exactly what the execution pipeline will check.
const validator: JsonSchemaValidator = new JsonSchemaValidator();

/** Throws PromptSchemaError when `schema` is not a valid draft 2020-12 schema. */
export function assertUsableSchema(schema: object): void {
  validator.assertValidSchema(schema);
}

/** Violations of `value` against `schema` as `path: message` lines; empty when valid. */
export function violationsOf(schema: object, value: unknown): string[] {
  return validator.validate(schema as JsonSchema, value).map((v) => `${v.path}: ${v.message}`);
}
