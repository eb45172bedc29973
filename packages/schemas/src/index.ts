export {
  JsonSchemaValidator,
  describeViolations,
  type JsonSchema,
  type SchemaViolation,
  type JsonSchemaValidatorOptions,
} from './json-schema-validator';
