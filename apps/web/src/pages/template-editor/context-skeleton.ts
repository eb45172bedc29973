import { ApiError } from '../../api/api-error';

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const PRIMITIVE_PLACEHOLDERS: Record<string, unknown> = { string: '', number: 0, integer: 0, boolean: false, null: null };

/**
 * A placeholder value a schema accepts, to start a context from: its default, example, const or first
 * enum value when it gives one, else an empty value of its type. Objects get the properties they
 * require, or all of them when they do not say (so optional variables keep their `default()`); arrays
 * hold one placeholder item when the items have a shape (so `{% for %}` bodies render too).
 */
export function skeletonFromSchema(schema: unknown, { everyProperty = false }: { everyProperty?: boolean } = {}): unknown {
  if (!isObject(schema)) return '';
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((item) => item !== 'null') : schema.type;
  if (type === 'object' || (type === undefined && isObject(schema.properties))) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) && !everyProperty ? new Set(schema.required) : null;
    return Object.fromEntries(
      Object.entries(properties)
        .filter(([key]) => required === null || required.has(key))
        .map(([key, node]) => [key, skeletonFromSchema(node, { everyProperty })]),
    );
  }
  if (type === 'array') {
    const items = schema.items;
    return isObject(items) && Object.keys(items).length > 0 ? [skeletonFromSchema(items, { everyProperty })] : [];
  }
  return typeof type === 'string' && type in PRIMITIVE_PLACEHOLDERS ? PRIMITIVE_PLACEHOLDERS[type] : '';
}

export interface DraftVariables {
  suggested_input_schema: JsonObject;
}

/** Renders the draft with a context: the preview endpoint, or a fake in tests. */
export type PreviewProbe = (context: JsonObject) => Promise<DraftVariables>;

export type Discovery = { ok: true; context: JsonObject } | { ok: false; context: JsonObject; error: unknown };

/** The suggested input schema a preview's render error carries (the draft parsed, but lacked a variable). */
function suggestedSchemaOf(error: unknown): JsonObject | null {
  if (!(error instanceof ApiError) || error.type !== 'render_error') return null;
  const details = error.details as { suggested_input_schema?: unknown } | null;
  return isObject(details?.suggested_input_schema) ? details.suggested_input_schema : null;
}

/**
 * A context for a draft whose variables are not known yet, from one preview: it returns the
 * suggested input schema whether the draft renders or stops at a variable the context lacks (the
 * render error carries it). Each required variable gets a placeholder of the shape the schema gives;
 * what `start` holds is kept. A draft that does not parse has nothing to offer: its error comes back.
 */
export async function discoverContext(probe: PreviewProbe, start: JsonObject = {}): Promise<Discovery> {
  let schema: JsonObject;
  try {
    schema = (await probe(start)).suggested_input_schema;
  } catch (error) {
    const carried = suggestedSchemaOf(error);
    if (!carried) return { ok: false, context: start, error };
    schema = carried;
  }
  const required = skeletonFromSchema(schema);
  return { ok: true, context: mergeMissing(start, isObject(required) ? required : {}) };
}

/** `base` with every key of `extra` it lacks, at every depth; values already in `base` win. */
export function mergeMissing(base: JsonObject, extra: JsonObject): JsonObject {
  const merged: JsonObject = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    if (current === undefined) merged[key] = value;
    else if (isObject(current) && isObject(value)) merged[key] = mergeMissing(current, value);
  }
  return merged;
}
