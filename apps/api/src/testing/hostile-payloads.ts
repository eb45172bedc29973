import { randomUUID } from 'node:crypto';

/**
 * Hostile values for the hostile-input test: malformed, oversized, wrongly typed, deeply nested,
 * unicode-laden and injection-shaped. Path and query values are already URL-encoded.
 */

/** JSON text spliced in verbatim, for numbers JSON.stringify cannot write (1e309, -0, huge ints). */
export class RawJson {
  constructor(readonly text: string) {}
}

const raw = (text: string) => new RawJson(text);

/** JSON.stringify that writes RawJson values verbatim and keeps own `__proto__` keys. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof RawJson ? `\u0001raw${raws.push(v.text) - 1}\u0001` : v));
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_, index: string) => raws[Number(index)] ?? 'null');
}

/** Sets `key` as an own property even when it is `__proto__`. */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object' || value instanceof RawJson) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const copy = {};
  for (const [key, child] of Object.entries(value)) setOwn(copy, key, clone(child));
  return copy as T;
}

/** Arrays nested `depth` levels deep: `[[[]]]` is depth 3. */
export function nestedArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** Objects nested `depth` levels deep as a value: `{"a":{"a":{}}}` is depth 3. */
function nestedObject(depth: number): unknown {
  let value: unknown = {};
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
}

export const SQL_INJECTION = "'; drop table prompt_templates; --";
export const TEMPLATE_INJECTIONS = ['{{ range.constructor("return process")() }}', '{% include "/etc/passwd" %}', '{{ __proto__ }}{{ self.__init__ }}'];
const UNICODE = '\u202Eevil\u202C \u200B\u200D👩‍👩‍👧‍👦 Z̸̢͎a̵l̷g̶o ﷽ \uFFFE\uFFFF';
const PROTO_KEYS = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}';

export interface Limits {
  maxBodyBytes: number;
  maxImportBytes: number;
  maxJsonDepth: number;
  maxContextBytes: number;
}

/**
 * Values put in place of one field of a valid body. `containerDepth` is how many arrays/objects
 * enclose the slot, so the nested values land exactly at and just above the depth limit.
 */
export function fieldValues(limits: Limits, containerDepth: number): Array<[string, unknown]> {
  const atLimit = limits.maxJsonDepth - containerDepth;
  const values: Array<[string, unknown]> = [
    ['null', null],
    ['boolean', true],
    ['number', 42],
    ['string', 'a string'],
    ['empty string', ''],
    ['array', [1, 'a', null]],
    ['object', { nested: { x: 1 } }],
    ['-0', raw('-0')],
    ['1e309', raw('1e309')],
    ['huge int', raw('123456789012345678901234567890')],
    ['2^53+1', raw('9007199254740993')],
    ['NaN string', 'NaN'],
    ['NUL byte', 'nul\u0000byte'],
    ['unicode', UNICODE],
    ['lone surrogate', 'a\uD800b'],
    ['SQL injection', SQL_INJECTION],
    ['template syntax', TEMPLATE_INJECTIONS[0]],
    ['template include', TEMPLATE_INJECTIONS[1]],
    ['huge string', 'x'.repeat(limits.maxContextBytes + 1)],
    ['prototype keys', JSON.parse(PROTO_KEYS)],
    ['NUL in key', { 'a\u0000b': 1, [UNICODE]: 'v' }],
    ['nesting at the limit', nestedObject(Math.max(1, atLimit))],
    ['nesting above the limit', nestedObject(atLimit + 1)],
  ];
  // Below the top two levels, the values that reach storage differently from their neighbours.
  return containerDepth <= 2 ? values : values.filter(([label]) => DEEP_VALUES.has(label));
}

const DEEP_VALUES = new Set([
  'null',
  'array',
  'huge int',
  'NUL byte',
  'lone surrogate',
  'SQL injection',
  'prototype keys',
  'NUL in key',
  'nesting above the limit',
]);

/**
 * Positions in a body (any value, up to `maxDepth` containers deep, first array item only), with
 * how many containers enclose each.
 */
export function slotsOf(body: unknown, maxDepth = 3): Array<{ path: (string | number)[]; depth: number }> {
  const slots: Array<{ path: (string | number)[]; depth: number }> = [];
  const walk = (value: unknown, path: (string | number)[], depth: number) => {
    if (value === null || typeof value !== 'object' || value instanceof RawJson || depth > maxDepth) return;
    const children: Array<[string | number, unknown]> = Array.isArray(value) ? value.slice(0, 1).map((child, i) => [i, child]) : Object.entries(value);
    for (const [key, child] of children) {
      slots.push({ path: [...path, key], depth });
      walk(child, [...path, key], depth + 1);
    }
  };
  walk(body, [], 1);
  return slots;
}

/** Paths of the objects in a body (the root first), where unknown and prototype keys are added. */
export function objectPathsOf(body: unknown): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (value === null || typeof value !== 'object' || value instanceof RawJson) return;
    if (!Array.isArray(value)) paths.push(path);
    const children: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((child, i) => [i, child]) : Object.entries(value);
    for (const [key, child] of children) walk(child, [...path, key]);
  };
  walk(body, []);
  return paths;
}

/** A copy of `body` with the value at `path` replaced (or added, for a missing last key). */
export function withValueAt(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = clone(body);
  let target = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  setOwn(target, String(path[path.length - 1]), value);
  return copy;
}

export const EXTRA_KEYS: Array<[string, unknown]> = [
  ['unknown field', 'surprise'],
  ['__proto__', { polluted: 'yes', is_active: false, scopes: ['admin'] }],
  ['constructor', { prototype: { polluted: 'yes' } }],
  ['prototype', { polluted: 'yes' }],
];

/** Whole bodies sent with `Content-Type: application/json` to every route that takes one. */
export function malformedBodies(limits: Limits): Array<[string, string | Uint8Array]> {
  return [
    // The first six are also sent to routes that take no body.
    ['empty body', ''],
    ['array root', '[]'],
    ['prototype keys only', PROTO_KEYS],
    ['depth bomb', nestedArrays(100_000)],
    ['above MAX_BODY_BYTES', `{"name": "${'x'.repeat(limits.maxBodyBytes + 1)}"}`],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])],
    ['truncated object', '{"name": "trunc'],
    ['truncated array', '[{"input_data": {}'],
    ['trailing garbage', '{"name": "x"}}garbage'],
    ['single quotes', "{'name': 'x'}"],
    ['bare word', 'undefined'],
    ['NaN literal', '{"temperature": NaN}'],
    ['comment', '{"name": "x" /* hi */}'],
    ['byte order mark', '\uFEFF{"name": "x"}'],
    ['raw NUL', '{"name": "a\u0000b"}'],
    ['array of objects root', '[{"name": "x"}]'],
    ['string root', '"just a string"'],
    ['number root', '123'],
    ['null root', 'null'],
    ['boolean root', 'true'],
    ['empty object', '{}'],
    ['duplicate keys', '{"name": "a", "name": {"$ne": null}}'],
    ['object depth bomb', `${'{"a":'.repeat(limits.maxJsonDepth + 1)}1${'}'.repeat(limits.maxJsonDepth + 1)}`],
    ['unclosed depth bomb', '['.repeat(50_000)],
    ['above MAX_IMPORT_BYTES', `[${'{"input_data":{"q":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}},'.repeat(Math.ceil(limits.maxImportBytes / 40))}{}]`],
    ['many keys', `{${Array.from({ length: 5_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`],
  ];
}

/** Valid-looking bodies under the wrong or an odd content type. */
export const CONTENT_TYPES = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zzz',
  'application/xml',
  'application/json; charset=utf-16le',
  'application/merge-patch+json',
  'application/jsonl',
  'application/json, text/html',
  `application/json; ${'x=y; '.repeat(2_000)}`,
];

/** Values for path parameters; `real` reaches the deepest code. */
export function pathParamValues(real: string | undefined, templateName: string): Array<[string, string]> {
  return [
    ...(real ? ([['real id', real]] as Array<[string, string]>) : []),
    ['random uuid', randomUUID()],
    ['nil uuid', '00000000-0000-0000-0000-000000000000'],
    ['not a uuid', 'not-a-uuid'],
    ['SQL injection', encodeURIComponent("1' OR '1'='1'; drop table prompt_templates; --")],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['10 kB', 'x'.repeat(10_240)],
    ['RTL and emoji', '%E2%80%AEevil%E2%80%AC%F0%9F%91%A9%E2%80%8D%F0%9F%91%A9'],
    ['NUL', 'a%00b'],
    ['lone surrogate', '%ED%A0%80'],
    ['malformed percent', '%E0%A4%A'],
    ['bare percent', '%'],
    ['dot segments', '..%2F..%2Fetc%2Fpasswd'],
    ['template syntax', encodeURIComponent(TEMPLATE_INJECTIONS[0]!)],
    ['huge version', encodeURIComponent(`${templateName}@99999999999999999999`)],
    ['negative version', encodeURIComponent(`${templateName}@-1`)],
    ['version 1e309', encodeURIComponent(`${templateName}@1e309`)],
    ['NUL in name', `${encodeURIComponent(templateName)}%00@1`],
  ];
}

/** Values for each declared query parameter (URL-encoded). */
export const QUERY_VALUES: Array<[string, string]> = [
  ['empty', ''],
  ['negative', '-1'],
  ['fraction', '0.001'],
  ['huge int', '99999999999999999999'],
  ['1e309', '1e309'],
  ['NaN', 'NaN'],
  ['-Infinity', '-Infinity'],
  ['SQL injection', encodeURIComponent("'; drop table prompt_executions; --")],
  ['NUL', '%00'],
  ['unicode', '%E2%80%AE%F0%9F%92%A9%E2%80%8B'],
  ['lone surrogate', '%ED%A0%80'],
  ['malformed percent', '%E0%A4%A'],
  ['10 kB', 'x'.repeat(10_240)],
  ['template syntax', encodeURIComponent('{{ 7*7 }}{% include "/etc/passwd" %}')],
  ['__proto__', '__proto__'],
  ['a date', '2024-01-01T00:00:00Z'],
];

/** Extra values for query parameters documented as date-times. */
export const DATE_QUERY_VALUES: Array<[string, string]> = [
  ['year 275760', encodeURIComponent('+275760-09-13T00:00:00.001Z')],
  ['year -271821', '-271821-04-20T00:00:00Z'],
  ['year 0', '0000-01-01T00:00:00Z'],
  ['year 9999', '9999-12-31T23:59:59.999Z'],
  ['five-digit year', '99999-01-01T00:00:00Z'],
  ['impossible date', '2024-02-30T25:61:61Z'],
  ['offset out of range', encodeURIComponent('2024-01-01T00:00:00+99:99')],
  ['offset at the edge', encodeURIComponent('2024-01-01T00:00:00-23:59')],
];

/** Whole query strings built around one declared parameter `name`. */
export function queryShapes(name: string): Array<[string, string]> {
  return [
    ['repeated', `${name}=1&${name}=2`],
    ['bracket object', `${name}[__proto__][x]=1`],
    ['no value', name],
  ];
}

export const QUERY_EXTRAS: Array<[string, string]> = [
  ['unknown parameter', 'zz_unknown=1'],
  ['__proto__ parameter', '__proto__=1&constructor[prototype][polluted]=yes'],
  ['NUL name', '%00=1'],
  ['10 kB name', `${'q'.repeat(10_240)}=1`],
  ['1000 parameters', Array.from({ length: 1_000 }, (_, i) => `p${i}=${i}`).join('&')],
];

/** Odd values for headers every route sees. */
export function oddHeaders(): Array<[string, Record<string, string>]> {
  return [
    ['huge Idempotency-Key', { 'idempotency-key': 'k'.repeat(10_240) }],
    ['SQL Idempotency-Key', { 'idempotency-key': "'; drop table prompt_executions; --" }],
    ['Latin-1 Idempotency-Key', { 'idempotency-key': 'ÿþ\u00a0key' }],
    ['empty Idempotency-Key', { 'idempotency-key': '' }],
    ['huge X-Request-Id', { 'x-request-id': 'r'.repeat(10_240) }],
    ['markup X-Request-Id', { 'x-request-id': '<script>alert(1)</script>' }],
    ['SQL X-Request-Id', { 'x-request-id': "'; drop table api_keys; --" }],
    ['path X-Request-Id', { 'x-request-id': '../../etc/passwd' }],
    ['garbage cookie', { cookie: `promptops_session=${'g'.repeat(5_000)}; __proto__=x` }],
    ['huge Accept', { accept: `application/json;q=${'9'.repeat(5_000)}` }],
    ['bogus Content-Length', { 'content-length': '99999999999999999999' }],
  ];
}
