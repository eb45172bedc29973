import { stableJson } from '../../components/diff/side-by-side-rows';

export type JsonObject = Record<string, unknown>;

export type ParsedSchema = { ok: true; value: JsonObject } | { ok: false; message: string };

/** Where a new schema starts: the smallest useful object schema, ready to fill in. */
export const STARTER_SCHEMA_TEXT = '{\n  "type": "object",\n  "properties": {}\n}';

/** The text an editor starts with for a saved schema (none: empty). */
export function schemaText(schema: JsonObject | null | undefined): string {
  return schema ? JSON.stringify(schema, null, 2) : '';
}

/**
 * Editor text to a schema object, or why it cannot be one. The editor already marks syntax errors
 * where they are; this message is for the Save button, which must not send what cannot parse.
 */
export function parseSchemaText(text: string): ParsedSchema {
  if (text.trim() === '') return { ok: false, message: 'Enter a JSON Schema, e.g. {"type": "object"}.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'A JSON Schema must be a JSON object.' };
  }
  return { ok: true, value: value as JsonObject };
}

/** Whether the editor holds something other than the saved schema; formatting alone is no change. */
export function isSchemaEdited(text: string, saved: JsonObject | null | undefined): boolean {
  const parsed = parseSchemaText(text);
  if (!parsed.ok) return text.trim() !== '' || saved != null;
  return saved == null || stableJson(parsed.value) !== stableJson(saved);
}

/** Whether two schemas are the same, key order aside (e.g. the suggested input schema and the saved one). */
export function sameSchema(a: JsonObject | null | undefined, b: JsonObject | null | undefined): boolean {
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  return stableJson(a) === stableJson(b);
}
