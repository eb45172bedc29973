const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The deepest array/object nesting in JSON (or JSON Lines) text, found by scanning characters
 * rather than parsing, so a depth bomb costs one linear pass and no recursion. Stops counting once
 * `limit` is exceeded. Strings are skipped with indexOf, so a long prompt costs little.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) {
      i = closingQuote(text, i + 1);
    } else if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (ch === 0x5d /* ] */ || ch === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/** Index of the quote closing a string whose text starts at `from`; the text's length when none does. */
function closingQuote(text: string, from: number): number {
  for (let at = text.indexOf('"', from); at !== -1; at = text.indexOf('"', at + 1)) {
    // A quote after an odd run of backslashes is escaped. Each run is counted once, by the quote after it.
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return text.length;
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
