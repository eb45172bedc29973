export type Schema = Record<string, unknown>;

const isSchemaObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties', 'minContains'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties', 'maxContains'];

function asTypes(type: unknown): string[] | undefined {
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : undefined;
}

/**
 * Combines two schemas into one that (for the generator's purposes) demands both: used to flatten
 * `allOf`, `$ref` with siblings, and a chosen `oneOf`/`anyOf` branch into its parent. Not a full
 * intersection (e.g. `not`, conflicting patterns); the Ajv check after generation catches the rest.
 */
export function mergeSchemas(a: Schema, b: Schema): Schema {
  const out: Schema = { ...b, ...a };
  for (const key of LOWER_BOUNDS) {
    if (typeof a[key] === 'number' && typeof b[key] === 'number') out[key] = Math.max(a[key], b[key]);
  }
  for (const key of UPPER_BOUNDS) {
    if (typeof a[key] === 'number' && typeof b[key] === 'number') out[key] = Math.min(a[key], b[key]);
  }
  const typesA = asTypes(a.type);
  const typesB = asTypes(b.type);
  if (typesA && typesB) {
    // integer satisfies number, so keep the narrower one.
    const both = typesA.flatMap((t) => {
      if (typesB.includes(t)) return [t];
      if (t === 'integer' && typesB.includes('number')) return ['integer'];
      if (t === 'number' && typesB.includes('integer')) return ['integer'];
      return [];
    });
    if (both.length > 0) out.type = both;
  }
  if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
    const inB = new Set(b.enum.map((v) => JSON.stringify(v)));
    const common = a.enum.filter((v) => inB.has(JSON.stringify(v)));
    if (common.length > 0) out.enum = common;
  }
  if (Array.isArray(a.required) || Array.isArray(b.required)) {
    out.required = [...new Set([...((a.required as unknown[]) ?? []), ...((b.required as unknown[]) ?? [])])];
  }
  if (isSchemaObject(a.properties) && isSchemaObject(b.properties)) {
    const props: Schema = { ...b.properties, ...a.properties };
    for (const [key, sub] of Object.entries(b.properties)) {
      const mine = a.properties[key];
      if (isSchemaObject(mine) && isSchemaObject(sub)) props[key] = { allOf: [mine, sub] };
    }
    out.properties = props;
  }
  if (isSchemaObject(a.items) && isSchemaObject(b.items)) out.items = { allOf: [a.items, b.items] };
  if (a.additionalProperties === false || b.additionalProperties === false) out.additionalProperties = false;
  return out;
}

export { isSchemaObject };
