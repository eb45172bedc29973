import { ApiError } from '../../api/api-error';
import { readPath, writePath } from './context-form';

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

/** The variable an `undefined` render error names (`user` or `user.name`), if that is what failed. */
function undefinedVariable(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.type !== 'render_error') return null;
  const details = error.details as { kind?: unknown; variable?: unknown } | null;
  return details?.kind === 'undefined' && typeof details.variable === 'string' && details.variable !== '' ? details.variable : null;
}

/**
 * A context skeleton for a draft whose variables are not known yet. The preview only lists
 * variables once both prompts render, and a template rendered with `{}` stops at its first
 * undefined variable; so each variable it names gets a placeholder until the draft renders, and
 * the suggested schema it then returns gives the full skeleton. Bounded, and stops at any other error.
 */
export async function discoverContext(probe: PreviewProbe, start: JsonObject = {}, maxRounds = 30): Promise<Discovery> {
  let context = start;
  for (let round = 0; round < maxRounds; round++) {
    try {
      const { suggested_input_schema } = await probe(context);
      const required = skeletonFromSchema(suggested_input_schema);
      const shapes = skeletonFromSchema(suggested_input_schema, { everyProperty: true });
      const filled = mergeMissing(context, isObject(required) ? required : {});
      return { ok: true, context: upgradePlaceholders(filled, isObject(shapes) ? shapes : {}) };
    } catch (error) {
      const variable = undefinedVariable(error);
      const path = variable?.split('.') ?? [];
      // The same variable twice means the placeholder did not help (a type the renderer needs); give up.
      if (variable === null || readPath(context, path) !== undefined) return { ok: false, context, error };
      context = writePath(context, path, '');
    }
  }
  return { ok: false, context, error: new Error('The template needs more variables than can be discovered') };
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

/**
 * Replaces the '' placeholders a discovery round put in with the shape the schema gives them (a
 * list for a loop, an object for attribute access); the renderer also needs optional variables
 * tested with `{% if %}`, which the required-only skeleton leaves out.
 */
export function upgradePlaceholders(base: JsonObject, shapes: JsonObject): JsonObject {
  const upgraded: JsonObject = { ...base };
  for (const [key, value] of Object.entries(base)) {
    const shape = shapes[key];
    if (value === '' && (Array.isArray(shape) || isObject(shape))) upgraded[key] = shape;
    else if (isObject(value) && isObject(shape)) upgraded[key] = upgradePlaceholders(value, shape);
  }
  return upgraded;
}
