import { createRequire } from 'node:module';
import type { Token } from 'nunjucks/src/lexer.js';
import { decodeStringLiteral } from './string-literal';

const require = createRequire(import.meta.url);
const lexer = require('nunjucks/src/lexer.js') as typeof import('nunjucks/src/lexer.js');

const TAGS = { BLOCK_START: '{%', BLOCK_END: '%}', VARIABLE_START: '{{', VARIABLE_END: '}}', COMMENT_START: '{#', COMMENT_END: '#}' };

/** Jinja2's operators, longest first; brackets, commas, colons, `~` and `|` get nunjucks' own token types. */
const OPERATORS = ['//', '**', '==', '!=', '>=', '<=', '+', '-', '/', '*', '%', '~', '[', ']', '(', ')', '{', '}', '>', '<', '=', '.', ':', '|', ',', ';'];
const OPERATOR_TYPES: Record<string, string> = {
  '(': lexer.TOKEN_LEFT_PAREN,
  ')': lexer.TOKEN_RIGHT_PAREN,
  '[': lexer.TOKEN_LEFT_BRACKET,
  ']': lexer.TOKEN_RIGHT_BRACKET,
  '{': lexer.TOKEN_LEFT_CURLY,
  '}': lexer.TOKEN_RIGHT_CURLY,
  ',': lexer.TOKEN_COMMA,
  ':': lexer.TOKEN_COLON,
  '~': lexer.TOKEN_TILDE,
  '|': lexer.TOKEN_PIPE,
};
const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

const TAG_START = /\{[{%#]/g;
const WHITESPACE = /\s+/y;
// Python identifiers (what Jinja2 accepts as names); a leading digit was already lexed as a number.
const NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const DIGITS = /\d+(?:_\d+)*/y;
const PREFIXED_INT = /0(?:b(?:_?[01])+|o(?:_?[0-7])+|x(?:_?[\da-f])+)/iy;
const DECIMAL_INT = /[1-9](?:_?\d)*|0(?:_?0)*/y;
const EXPONENT = /e[+-]?\d+(?:_\d+)*/iy;
const STRING = /'[^'\\]*(?:\\[\s\S][^'\\]*)*'|"[^"\\]*(?:\\[\s\S][^"\\]*)*"/y;

/** A lexer failure; positions are 1-based like the parser's errors. */
function lexError(message: string, lineno: number, colno: number): never {
  throw Object.assign(new Error(message), { lineno: lineno + 1, colno: colno + 1 });
}

function matchAt(pattern: RegExp, text: string, index: number): string | null {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0] ?? null;
}

/**
 * Jinja2's lexer (jinja2/lexer.py) producing the tokens nunjucks' parser consumes: `{%+`/`+%}`,
 * `}` balanced inside tags (so `{{ {"a": {"b": 1}}}}` works), Python number literals (`1e3`,
 * `0x1F`, `1_000`), Python string escapes and adjacent names/operators as Jinja2 splits them.
 * Linear time: every step consumes input with sticky patterns that cannot backtrack far.
 */
export class JinjaLexer {
  readonly tags = TAGS;
  index = 0;
  lineno = 0;
  colno = 0;
  private tag: 'block' | 'variable' | null = null;
  private readonly braces: string[] = [];

  constructor(readonly str: string) {}

  /** Moves forward `count` characters, keeping line and column (0-based) current. */
  forwardN(count: number): void {
    const end = Math.min(this.index + count, this.str.length);
    let lineStart = -1;
    for (let position = this.index; position < end; position += 1) {
      if (this.str.charCodeAt(position) !== 10) continue;
      this.lineno += 1;
      lineStart = position + 1;
    }
    this.colno = lineStart === -1 ? this.colno + (end - this.index) : end - lineStart;
    this.index = end;
  }

  private take(type: string, text: string, value: string = text): Token {
    const token = { type, value, lineno: this.lineno, colno: this.colno };
    this.forwardN(text.length);
    return token;
  }

  nextToken(): Token | null {
    if (this.index >= this.str.length) return null;
    return this.tag ? this.codeToken() : this.dataToken();
  }

  private dataToken(): Token {
    const { str, index } = this;
    const opener = str.slice(index, index + 2);
    const modifier = str.charAt(index + 2) === '-' || str.charAt(index + 2) === '+' ? str.charAt(index + 2) : '';
    if (opener === TAGS.BLOCK_START || opener === TAGS.VARIABLE_START) {
      this.tag = opener === TAGS.BLOCK_START ? 'block' : 'variable';
      const type = this.tag === 'block' ? lexer.TOKEN_BLOCK_START : lexer.TOKEN_VARIABLE_START;
      return this.take(type, opener + modifier);
    }
    if (opener === TAGS.COMMENT_START) {
      const end = str.indexOf(TAGS.COMMENT_END, index + 2);
      // Jinja2 quietly drops a comment opener that ends the template; anything after it must be closed.
      if (end === -1 && index + 2 + modifier.length === str.length) return this.take(lexer.TOKEN_COMMENT, str.slice(index), `${opener}${modifier}#}`);
      if (end === -1) lexError('Missing end of comment tag', this.lineno, this.colno);
      return this.take(lexer.TOKEN_COMMENT, str.slice(index, end + TAGS.COMMENT_END.length));
    }
    TAG_START.lastIndex = index;
    const next = TAG_START.exec(str);
    return this.take(lexer.TOKEN_DATA, str.slice(index, next ? next.index : str.length));
  }

  private codeToken(): Token {
    const { str, index } = this;
    const whitespace = matchAt(WHITESPACE, str, index);
    if (whitespace) return this.take(lexer.TOKEN_WHITESPACE, whitespace);
    if (this.braces.length === 0) {
      const end = this.tagEnd();
      if (end) {
        const type = this.tag === 'block' ? lexer.TOKEN_BLOCK_END : lexer.TOKEN_VARIABLE_END;
        this.tag = null;
        return this.take(type, end);
      }
    }
    return this.numberToken() ?? this.nameToken() ?? this.stringToken() ?? this.operatorToken();
  }

  /** `%}`, `-%}`, `+%}` close blocks; `}}` and `-}}` close variables (Jinja2 has no `+}}`). */
  private tagEnd(): string | null {
    const ends = this.tag === 'block' ? ['-%}', '+%}', '%}'] : ['-}}', '}}'];
    return ends.find((end) => this.str.startsWith(end, this.index)) ?? null;
  }

  private numberToken(): Token | null {
    const { str, index } = this;
    if (!/\d/.test(str.charAt(index))) return null;
    // Jinja2 tries floats first, except right after a dot (`xs.0.name` is an index, not 0.).
    if (str.charAt(index - 1) !== '.') {
      const digits = matchAt(DIGITS, str, index) ?? '';
      let end = index + digits.length;
      const fraction = str.charAt(end) === '.' ? matchAt(DIGITS, str, end + 1) : null;
      if (fraction) end += 1 + fraction.length;
      const exponent = matchAt(EXPONENT, str, end);
      if (exponent) end += exponent.length;
      if (fraction || exponent) {
        const text = str.slice(index, end);
        return this.take(lexer.TOKEN_FLOAT, text, text.replace(/_/g, ''));
      }
    }
    const text = matchAt(PREFIXED_INT, str, index) ?? matchAt(DECIMAL_INT, str, index) ?? '';
    return this.take(lexer.TOKEN_INT, text, text.replace(/_/g, ''));
  }

  private nameToken(): Token | null {
    const name = matchAt(NAME, this.str, this.index);
    if (!name) return null;
    if (name === 'true' || name === 'false') return this.take(lexer.TOKEN_BOOLEAN, name);
    if (name === 'none') return this.take(lexer.TOKEN_NONE, name);
    return this.take(lexer.TOKEN_SYMBOL, name);
  }

  private stringToken(): Token | null {
    const quote = this.str.charAt(this.index);
    if (quote !== '"' && quote !== "'") return null;
    const literal = matchAt(STRING, this.str, this.index);
    if (!literal) return lexError(`unexpected char ${JSON.stringify(quote)} at ${this.index}`, this.lineno, this.colno);
    const { lineno, colno } = this;
    try {
      return this.take(lexer.TOKEN_STRING, literal, decodeStringLiteral(literal.slice(1, -1)));
    } catch (error) {
      return lexError(error instanceof Error ? error.message : String(error), lineno, colno);
    }
  }

  private operatorToken(): Token {
    const { str, index } = this;
    const operator = OPERATORS.find((candidate) => str.startsWith(candidate, index));
    if (!operator) return lexError(`unexpected char '${str.charAt(index)}' at ${index}`, this.lineno, this.colno);
    if (CLOSING[operator]) this.braces.push(CLOSING[operator]);
    else if (operator === ')' || operator === ']' || operator === '}') {
      const expected = this.braces.pop();
      if (expected === undefined) lexError(`unexpected '${operator}'`, this.lineno, this.colno);
      if (expected !== operator) lexError(`unexpected '${operator}', expected '${expected}'`, this.lineno, this.colno);
    }
    return this.take(OPERATOR_TYPES[operator] ?? lexer.TOKEN_OPERATOR, operator);
  }
}
