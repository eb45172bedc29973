import { sampleFormat, sampleWord } from './format-samples';
import { hintedString, isFractionKey } from './field-hints';
import { samplePattern } from './regex-sample';
import { isSchemaObject, mergeSchemas, type Schema } from './schema-merge';
import { assertUsableSchema, violationsOf } from './schema-validator';
import { createRandom, type Random } from './seeded-random';

export interface GeneratedInstance {
  value: unknown;
  /** Whether `value` passed Ajv (2020-12 + formats) against the schema. */
  valid: boolean;
  /** Ajv errors (or generator failures) of the last attempt when invalid. */
  errors: string[];
}

interface Ctx {
  root: Schema;
  random: Random;
  depth: number;
  key: string | undefined;
}

const ATTEMPTS = 8;
// Beyond this depth optional properties and optional array items are left out, so recursive
// schemas (trees, linked lists) terminate.
const SHALLOW_DEPTH = 3;
const MAX_DEPTH = 24;

function toSchema(value: unknown): Schema {
  if (value === false) return { not: {} };
  return isSchemaObject(value) ? value : {};
}

function lookup(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#')) throw new Error(`only local $ref is supported, got "${ref}"`);
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isSchemaObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined;
    if (node === undefined) throw new Error(`cannot resolve $ref "${ref}"`);
  }
  return toSchema(node);
}

/** Follows $ref and flattens allOf so the generator sees one schema. */
function resolve(input: unknown, root: Schema): Schema {
  let schema = toSchema(input);
  for (let hops = 0; typeof schema.$ref === 'string'; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at "${schema.$ref}"`);
    const { $ref, ...rest } = schema;
    const target = lookup(root, $ref as string);
    schema = Object.keys(rest).length === 0 ? target : mergeSchemas(rest, resolve(target, root));
  }
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    schema = allOf.reduce<Schema>((acc, sub) => mergeSchemas(acc, resolve(sub, root)), rest);
  }
  return schema;
}

function inferType(s: Schema): string {
  const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? (s.type as string[]) : [];
  const concrete = types.find((t) => t !== 'null');
  if (concrete) return concrete;
  if (types.includes('null')) return 'null';
  if (s.properties || s.required || s.additionalProperties !== undefined || s.patternProperties) return 'object';
  if (s.items !== undefined || s.prefixItems || s.minItems !== undefined || s.contains) return 'array';
  if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'].some((k) => k in s)) return 'number';
  return 'string';
}

function generate(input: unknown, ctx: Ctx): unknown {
  if (ctx.depth > MAX_DEPTH) throw new Error('schema recursion is too deep to instantiate');
  const s = resolve(input, ctx.root);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return ctx.random.pick(s.enum);
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const options = s[keyword];
    if (Array.isArray(options) && options.length > 0) {
      const rest = { ...s };
      delete rest[keyword];
      return generate(mergeSchemas(rest, resolve(ctx.random.pick(options), ctx.root)), ctx);
    }
  }
  switch (inferType(s)) {
    case 'object':
      return generateObject(s, ctx);
    case 'array':
      return generateArray(s, ctx);
    case 'integer':
      return generateNumber(s, ctx, true);
    case 'number':
      return generateNumber(s, ctx, false);
    case 'boolean':
      return ctx.random.next() < 0.5;
    case 'null':
      return null;
    default:
      return generateString(s, ctx);
  }
}

function valueSchemaFor(s: Schema, key: string): unknown {
  const props = isSchemaObject(s.properties) ? s.properties : {};
  if (key in props) return props[key];
  if (isSchemaObject(s.patternProperties)) {
    for (const [pattern, sub] of Object.entries(s.patternProperties)) if (new RegExp(pattern, 'u').test(key)) return sub;
  }
  return isSchemaObject(s.additionalProperties) ? s.additionalProperties : {};
}

function generateObject(s: Schema, ctx: Ctx): Record<string, unknown> {
  const required = Array.isArray(s.required) ? s.required.filter((k): k is string => typeof k === 'string') : [];
  const optional = isSchemaObject(s.properties) ? Object.keys(s.properties).filter((k) => !required.includes(k)) : [];
  const maxProps = typeof s.maxProperties === 'number' ? s.maxProperties : Number.POSITIVE_INFINITY;
  const keys = [...required, ...(ctx.depth >= SHALLOW_DEPTH ? [] : optional)];
  const minProps = typeof s.minProperties === 'number' ? s.minProperties : 0;
  const patterns = isSchemaObject(s.patternProperties) ? Object.keys(s.patternProperties) : [];
  for (let i = 0; keys.length < minProps && i < minProps * 4; i++) {
    // Extra keys must fit patternProperties when additional properties are forbidden.
    const pattern = patterns[i % Math.max(1, patterns.length)];
    const extra = pattern ? samplePattern(pattern, ctx.random) : `extra_${i + 1}`;
    if (extra !== undefined && !keys.includes(extra)) keys.push(extra);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (Object.keys(out).length >= maxProps && !required.includes(key)) break;
    out[key] = generate(valueSchemaFor(s, key), { ...ctx, depth: ctx.depth + 1, key });
  }
  return out;
}

function generateArray(s: Schema, ctx: Ctx): unknown[] {
  const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : [];
  const min = typeof s.minItems === 'number' ? s.minItems : 0;
  const max = typeof s.maxItems === 'number' ? s.maxItems : Number.POSITIVE_INFINITY;
  const preferred = ctx.depth >= SHALLOW_DEPTH ? 0 : ctx.random.int(1, 2);
  let length = Math.max(min, Math.min(max, Math.max(preferred, s.contains ? 1 : 0)));
  if (s.items === false) length = Math.min(length, prefix.length);
  const itemCtx = { ...ctx, depth: ctx.depth + 1, key: ctx.key };
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < length; i++) {
    const containsSlot = s.contains !== undefined && i === prefix.length;
    let schema: unknown = i < prefix.length ? prefix[i] : (s.items ?? {});
    if (containsSlot) schema = { allOf: [toSchema(schema), toSchema(s.contains)] };
    let item = generate(schema, itemCtx);
    // uniqueItems: redraw a few times; the random stream moves on, so values differ.
    for (let retry = 0; s.uniqueItems === true && seen.has(JSON.stringify(item)) && retry < 20; retry++) {
      item = generate(schema, itemCtx);
    }
    seen.add(JSON.stringify(item));
    out.push(item);
  }
  return out;
}

function generateNumber(s: Schema, ctx: Ctx, integer: boolean): number {
  const num = (key: string) => (typeof s[key] === 'number' ? (s[key] as number) : undefined);
  const [min, max, exMin, exMax, step] = [num('minimum'), num('maximum'), num('exclusiveMinimum'), num('exclusiveMaximum'), num('multipleOf')];
  const fits = (v: number) =>
    (min === undefined || v >= min) &&
    (max === undefined || v <= max) &&
    (exMin === undefined || v > exMin) &&
    (exMax === undefined || v < exMax) &&
    (!integer || Number.isInteger(v)) &&
    (step === undefined || Number.isInteger(v / step)); // the same test Ajv applies
  const fraction = !integer && isFractionKey(ctx.key);
  let lo = Math.max(min ?? Number.NEGATIVE_INFINITY, exMin ?? Number.NEGATIVE_INFINITY);
  let hi = Math.min(max ?? Number.POSITIVE_INFINITY, exMax ?? Number.POSITIVE_INFINITY);
  if (!Number.isFinite(lo) && !Number.isFinite(hi)) [lo, hi] = fraction ? [0, 1] : [0, 100];
  else if (!Number.isFinite(lo)) lo = hi - 100;
  else if (!Number.isFinite(hi)) hi = lo + (fraction ? 1 : 100);

  const candidates: number[] = [];
  if (step !== undefined && step > 0) {
    const first = Math.ceil(lo / step);
    const last = Math.floor(hi / step);
    const start = first + ctx.random.int(0, Math.max(0, Math.min(last - first, 20)));
    for (let k = start; k <= last && candidates.length < 40; k++) candidates.push(Number((k * step).toPrecision(12)));
    for (let k = first; k < start; k++) candidates.push(Number((k * step).toPrecision(12)));
  } else if (integer) {
    const from = Math.ceil(lo);
    const to = Math.floor(hi);
    candidates.push(ctx.random.int(from, Math.max(from, Math.min(to, from + 1000))), from, from + 1, to, to - 1);
  } else {
    candidates.push(Math.round((lo + ctx.random.next() * (hi - lo)) * 100) / 100, (lo + hi) / 2);
  }
  return candidates.find(fits) ?? candidates[0] ?? 0;
}

/** Pads or truncates to minLength/maxLength, counting code points as Ajv does. */
function fitLength(text: string, s: Schema): string {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Number.POSITIVE_INFINITY;
  const chars = [...text];
  while (chars.length < min) chars.push(...'-mock');
  return chars.slice(0, Math.max(min, Math.min(chars.length, max))).join('');
}

function generateString(s: Schema, ctx: Ctx): string {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Number.POSITIVE_INFINITY;
  const lengthOk = (v: string) => [...v].length >= min && [...v].length <= max;
  if (typeof s.format === 'string') {
    const formatted = sampleFormat(s.format, ctx.random);
    if (formatted !== undefined) return formatted;
  }
  if (typeof s.pattern === 'string') {
    const regex = new RegExp(s.pattern, 'u');
    for (let i = 0; i < 40; i++) {
      const candidate = samplePattern(s.pattern, ctx.random);
      if (candidate !== undefined && regex.test(candidate) && lengthOk(candidate)) return candidate;
    }
    const fallbacks = ['mock', 'a', 'A', '1', 'a1', 'mock-1', 'MOCK_1', 'mock@example.com', ''];
    const hit = fallbacks.find((f) => regex.test(f) && lengthOk(f));
    if (hit !== undefined) return hit;
  }
  const base = hintedString(ctx.key, ctx.random) ?? `mock ${sampleWord(ctx.random)}`;
  return fitLength(base, s);
}

/**
 * Deterministic instance of `schema` for `seed`, verified with Ajv. Tries a few random streams
 * (oneOf ambiguity, uniqueness, patterns) before giving up and returning the last attempt as invalid.
 * Throws only when the schema itself does not compile.
 */
export function generateInstance(schema: object, seed: number): GeneratedInstance {
  assertUsableSchema(schema);
  let last: GeneratedInstance = { value: null, valid: false, errors: ['no attempt made'] };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const random = createRandom((seed + Math.imul(attempt, 0x9e3779b9)) >>> 0);
    try {
      const value = generate(schema, { root: schema as Schema, random, depth: 0, key: undefined });
      const errors = violationsOf(schema, value);
      if (errors.length === 0) return { value, valid: true, errors };
      last = { value, valid: false, errors };
    } catch (error) {
      last = { value: null, valid: false, errors: [(error as Error).message] };
    }
  }
  return last;
}
