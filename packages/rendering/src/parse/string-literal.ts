const SIMPLE_ESCAPES: Record<string, string> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

const HEX_ESCAPES: Record<string, { digits: number; pattern: RegExp; name: string }> = {
  x: { digits: 2, pattern: /^[0-9a-fA-F]{2}$/, name: '\\xXX' },
  u: { digits: 4, pattern: /^[0-9a-fA-F]{4}$/, name: '\\uXXXX' },
  U: { digits: 8, pattern: /^[0-9a-fA-F]{8}$/, name: '\\UXXXXXXXX' },
};

/** How Python's backslashreplace spells a non-ASCII character: `\xe9`, `\u20ac`, `\U0001f600`. */
function backslashReplace(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/**
 * The value of a string literal's body, as Jinja2 computes it: the source is encoded with
 * `backslashreplace` and decoded with Python's `unicode-escape` codec. So `\n \t \\ \' \" \a \b
 * \f \v`, octal `\101`, `\x41`, `\u00e9` and `\U0001F600` are escapes, a backslash before a
 * newline continues the line, and any other backslash stays in the text. `\N{name}` would need
 * the Unicode name database, which is not bundled: it is a syntax error here.
 */
export function decodeStringLiteral(body: string): string {
  let out = '';
  let index = 0;
  while (index < body.length) {
    const backslash = body.indexOf('\\', index);
    if (backslash === -1 || backslash === body.length - 1) {
      out += body.slice(index);
      break;
    }
    out += body.slice(index, backslash);
    const [next = ''] = Array.from(body.slice(backslash + 1, backslash + 3));
    index = backslash + 1 + next.length;
    const simple = SIMPLE_ESCAPES[next];
    const hex = HEX_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
    } else if (hex) {
      const digits = body.slice(index, index + hex.digits);
      if (!hex.pattern.test(digits)) throw new Error(`truncated ${hex.name} escape`);
      const code = Number.parseInt(digits, 16);
      if (code > 0x10ffff) throw new Error('illegal Unicode character');
      out += String.fromCodePoint(code);
      index += hex.digits;
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(body.slice(backslash + 1))?.[0] ?? next;
      out += String.fromCodePoint(Number.parseInt(octal, 8));
      index = backslash + 1 + octal.length;
    } else if (next === 'N') {
      throw new Error('\\N{...} escapes are not supported; write the character itself');
    } else if (next.codePointAt(0) !== undefined && (next.codePointAt(0) ?? 0) > 0x7f) {
      // backslashreplace turned the character into an escape whose own backslash was escaped.
      out += `\\${backslashReplace(next).slice(1)}`;
    } else {
      out += `\\${next}`;
    }
  }
  return out;
}
