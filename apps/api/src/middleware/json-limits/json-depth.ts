/**
 * The deepest array/object nesting in JSON (or JSON Lines) text, found by scanning characters
 * rather than parsing, so a depth bomb costs one linear pass and no recursion. Stops counting once
 * `limit` is exceeded.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c /* \ */) i++;
      else if (ch === 0x22 /* " */) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (ch === 0x5d /* ] */ || ch === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/** Parsed JSON values of a body: one for JSON, one per non-blank line for JSON Lines; unparsable parts are skipped. */
export function parseLeniently(text: string, jsonLines: boolean): unknown[] {
  const parts = jsonLines ? text.split('\n').filter((line) => line.trim() !== '') : [text];
  const values: unknown[] = [];
  for (const part of parts) {
    try {
      values.push(JSON.parse(part));
    } catch {
      // The route itself reports malformed JSON with its own, more precise message.
    }
  }
  return values;
}

/** Path and size of the first value under one of `fields` (at any depth) whose JSON is larger than `maxBytes`. */
export function findOversizedField(value: unknown, fields: ReadonlySet<string>, maxBytes: number, path = '$'): { path: string; bytes: number } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = `${path}.${key}`;
    if (fields.has(key) && !Array.isArray(value)) {
      const bytes = Buffer.byteLength(JSON.stringify(child) ?? '');
      if (bytes > maxBytes) return { path: childPath, bytes };
    }
    const found = findOversizedField(child, fields, maxBytes, childPath);
    if (found) return found;
  }
  return undefined;
}
