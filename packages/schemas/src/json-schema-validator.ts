import { createHash } from 'node:crypto';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { PromptSchemaError, PromptValidationError } from '@promptops/errors';

// ajv-formats ships CommonJS with a default export that ESM sees one level down.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

export type JsonSchema = Record<string, unknown>;

/** One failing check, in the shape clients and models both read: where, what, and why. */
export interface SchemaViolation {
  path: string;
  message: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface JsonSchemaValidatorOptions {
  /** Compiled validators kept in memory, keyed by schema content. Default 500. */
  cacheSize?: number;
  /** Largest schema accepted, in characters of its JSON text. Default 200_000. */
  maxSchemaChars?: number;
}

const DEFAULTS: Required<JsonSchemaValidatorOptions> = { cacheSize: 500, maxSchemaChars: 200_000 };

function toViolations(errors: ErrorObject[] | null | undefined): SchemaViolation[] {
  return (errors ?? []).map((error) => ({
    path: error.instancePath || '/',
    message: error.message ?? 'is invalid',
    keyword: error.keyword,
    params: error.params as Record<string, unknown>,
  }));
}

/** Renders violations as lines a person or a model can act on, e.g. `/age: must be >= 0`. */
export function describeViolations(violations: SchemaViolation[]): string {
  return violations.map((v) => `${v.path}: ${v.message}`).join('; ');
}

/**
 * Draft 2020-12 JSON Schema checks with formats. Schemas are user input, so each is checked against
 * the meta-schema and a size cap before it is compiled, and compiled validators are cached by content.
 */
export class JsonSchemaValidator {
  private readonly options: Required<JsonSchemaValidatorOptions>;
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(options: JsonSchemaValidatorOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
    addFormats(this.ajv);
  }

  /** Throws PromptSchemaError (with Ajv's paths) unless `schema` is a valid draft 2020-12 schema. */
  assertValidSchema(schema: unknown, label = 'schema'): asserts schema is JsonSchema {
    this.compile(schema, label);
  }

  /** Returns the violations of `data` against `schema` (empty when valid). */
  validate(schema: JsonSchema, data: unknown): SchemaViolation[] {
    const validateFn = this.compile(schema, 'schema');
    return validateFn(data) ? [] : toViolations(validateFn.errors);
  }

  /** Throws PromptValidationError naming every violation unless `data` matches `schema`. */
  assertValid(schema: JsonSchema, data: unknown, label: string): void {
    const violations = this.validate(schema, data);
    if (violations.length > 0) {
      throw new PromptValidationError(`${label} does not match its schema: ${describeViolations(violations)}`, {
        violations,
      });
    }
  }

  private compile(schema: unknown, label: string): ValidateFunction {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      throw new PromptSchemaError(`${label} must be a JSON object`, { violations: [] });
    }
    const text = JSON.stringify(schema);
    if (text.length > this.options.maxSchemaChars) {
      throw new PromptSchemaError(`${label} is larger than ${this.options.maxSchemaChars} characters`, { violations: [] });
    }
    const key = createHash('sha256').update(text).digest('hex');
    const cached = this.cache.get(key);
    if (cached) {
      // Re-insert so the map's order doubles as least-recently-used order.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    if (!this.ajv.validateSchema(schema)) {
      const violations = toViolations(this.ajv.errors);
      throw new PromptSchemaError(`${label} is not a valid JSON Schema (draft 2020-12): ${describeViolations(violations)}`, {
        violations,
      });
    }
    let compiled: ValidateFunction;
    try {
      // Strip $id so two templates may reuse one id without Ajv refusing the second registration.
      const { $id: _ignored, ...anonymous } = schema as JsonSchema;
      compiled = this.ajv.compile(anonymous);
    } catch (error) {
      throw new PromptSchemaError(`${label} cannot be compiled: ${(error as Error).message}`, { violations: [] });
    }
    this.cache.set(key, compiled);
    if (this.cache.size > this.options.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return compiled;
  }
}
