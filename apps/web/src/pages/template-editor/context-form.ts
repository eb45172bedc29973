/**
 * The playground's context as a form generated from a JSON Schema. The JSON context stays the one
 * source of truth: every field reads its value from it and writes a new context back, so the form
 * and the JSON editor can never disagree.
 */

type Json = unknown;
type JsonObject = Record<string, Json>;
type SchemaNode = Record<string, unknown>;

export type EnumOption = string | number | boolean | null;

interface FieldBase {
  /** Property names from the context's root. */
  path: string[];
  label: string;
  description: string | null;
  required: boolean;
}

export type ContextField =
  | (FieldBase & { kind: 'string' | 'number' | 'integer' | 'boolean' | 'string-list' | 'json' })
  | (FieldBase & { kind: 'enum'; options: EnumOption[] })
  | (FieldBase & { kind: 'object'; fields: ContextField[] });

export type FieldKind = ContextField['kind'];

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The one JSON type a schema allows besides null, or null when it allows several or says nothing. */
function singleType(schema: SchemaNode): string | null {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const concrete = type.filter((item) => item !== 'null');
    return concrete.length === 1 && typeof concrete[0] === 'string' ? concrete[0] : null;
  }
  return null;
}

// Composition and references are beyond a generated form; such values are edited as JSON.
const COMPOSITE_KEYWORDS = ['$ref', 'oneOf', 'anyOf', 'allOf', 'not', 'if'];

function kindOf(schema: SchemaNode, value: Json): FieldKind {
  if (COMPOSITE_KEYWORDS.some((keyword) => keyword in schema)) return 'json';
  if (Array.isArray(schema.enum) && schema.enum.every((option) => option === null || ['string', 'number', 'boolean'].includes(typeof option))) return 'enum';
  const type = singleType(schema);
  if (type === null) {
    // An untyped leaf (what variable extraction suggests for `{{ name }}`) is nearly always text.
    return schema.type === undefined && (value === undefined || typeof value === 'string') ? 'string' : 'json';
  }
  if (type === 'string' || type === 'number' || type === 'integer' || type === 'boolean') return type;
  if (type === 'array') {
    const items = isObject(schema.items) ? schema.items : {};
    if (COMPOSITE_KEYWORDS.some((keyword) => keyword in items)) return 'json';
    if (singleType(items) === 'string') return 'string-list';
    // Untyped items (a list the prompts only loop over and print) are text, unless the context holds other values.
    const textOnly = value === undefined || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    return items.type === undefined && !isObject(items.properties) && textOnly ? 'string-list' : 'json';
  }
  if (type === 'object') return isObject(schema.properties) && Object.keys(schema.properties).length > 0 ? 'object' : 'json';
  return 'json';
}

/** The form for a schema, one field per property, nested objects as groups; `value` (the context) picks kinds for untyped properties. */
export function contextFields(schema: unknown, value: Json = {}, path: string[] = []): ContextField[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(schema.properties).map(([name, raw]): ContextField => {
    const node = isObject(raw) ? raw : {};
    const fieldPath = [...path, name];
    const fieldValue = readPath(value, fieldPath);
    const base: FieldBase = {
      path: fieldPath,
      label: typeof node.title === 'string' && node.title !== '' ? node.title : name,
      description: typeof node.description === 'string' ? node.description : null,
      required: required.has(name),
    };
    const kind = kindOf(node, fieldValue);
    if (kind === 'enum') return { ...base, kind, options: node.enum as EnumOption[] };
    if (kind === 'object') return { ...base, kind, fields: contextFields(node, value, fieldPath) };
    return { ...base, kind };
  });
}

/** Top-level context keys the form does not show (the JSON editor still does). */
export function keysOutsideForm(fields: ContextField[], context: Json): string[] {
  if (!isObject(context)) return [];
  const shownKeys = new Set(fields.map((field) => field.path[0]));
  return Object.keys(context).filter((key) => !shownKeys.has(key));
}

export function readPath(value: Json, path: string[]): Json {
  let node = value;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** A copy of `root` with `value` at `path` (undefined removes the key); non-objects on the way become objects. */
export function writePath(root: Json, path: string[], value: Json): JsonObject {
  const copy: JsonObject = isObject(root) ? { ...root } : {};
  const [key, ...rest] = path;
  if (key === undefined) return copy;
  const next = rest.length === 0 ? value : writePath(copy[key], rest, value);
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy;
}

/** "a, b" or one item per line (a line break wins, so items may contain commas). */
export function splitList(text: string): string[] {
  const parts = text.includes('\n') ? text.split('\n') : text.split(',');
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

export type FieldInput = { ok: true; value: Json } | { ok: false; message: string };

/**
 * What a field's text input means in the context. An empty field of an optional property removes the
 * key, so the template's `default()` and `{% if %}` see it as not given; an empty required text stays ''.
 */
export function parseFieldText(kind: 'string' | 'number' | 'integer' | 'string-list' | 'json', text: string, required = false): FieldInput {
  if (text.trim() === '' && !(required && (kind === 'string' || kind === 'string-list'))) return { ok: true, value: undefined };
  if (kind === 'string') return { ok: true, value: text };
  if (kind === 'string-list') return { ok: true, value: splitList(text) };
  if (kind === 'json') {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch {
      return { ok: false, message: 'Not valid JSON' };
    }
  }
  const number = Number(text.trim());
  if (!Number.isFinite(number)) return { ok: false, message: 'Not a number' };
  if (kind === 'integer' && !Number.isInteger(number)) return { ok: false, message: 'Must be a whole number' };
  return { ok: true, value: number };
}

/** The text a field shows for a context value. */
export function formatFieldValue(kind: 'string' | 'number' | 'integer' | 'string-list' | 'json', value: Json): string {
  if (value === undefined) return '';
  if (kind === 'string') return typeof value === 'string' ? value : JSON.stringify(value);
  if (kind === 'string-list') return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n') : '';
  if (kind === 'json') return JSON.stringify(value, null, 2);
  return typeof value === 'number' ? String(value) : '';
}

/** Same JSON value, for deciding whether a field's own text still says what the context holds. */
export function sameJson(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type ContextText = { ok: true; context: JsonObject } | { ok: false; message: string };

/** The JSON editor's text as a context: empty means `{}`, anything else must be a JSON object. */
export function parseContextText(text: string): ContextText {
  if (text.trim() === '') return { ok: true, context: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The context is not valid JSON: ${(error as Error).message}` };
  }
  return isObject(parsed) ? { ok: true, context: parsed } : { ok: false, message: 'The context must be a JSON object' };
}

export function formatContext(context: Json): string {
  return JSON.stringify(context, null, 2);
}

/** A schema violation's JSON pointer (`/user/name`) as the path of the field it belongs to. */
export function pointerToPath(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .filter((part) => part !== '')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}
