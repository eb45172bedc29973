import { createRequire } from 'node:module';
import type { Token, TokenStream } from 'nunjucks/src/lexer.js';
import type { TemplateNode } from './template-node';

const require = createRequire(import.meta.url);
const lexer = require('nunjucks/src/lexer.js') as typeof import('nunjucks/src/lexer.js');
const nodes = require('nunjucks/src/nodes.js') as typeof import('nunjucks/src/nodes.js');
const { Parser } = require('nunjucks/src/parser.js') as typeof import('nunjucks/src/parser.js');

interface Tokenizer extends TokenStream {
  str: string;
  index: number;
  forwardN(count: number): void;
}

const RAW_END = /\{%(-?)\s*endraw\s*(-?)%\}/g;

/**
 * nunjucks' parser with its two quadratic spots replaced, because templates are parsed on the
 * main thread too (checkTemplateSyntax): `{% raw %}` searched the rest of the source once per
 * attempt, and `{%-` trimmed data with `/\s*$/`, which backtracks on long whitespace runs.
 */
export class LinearTimeParser extends Parser {
  declare dropLeadingWhitespace: boolean;
  /** The `{%` of the statement being parsed, so errors about the block can point at it. */
  protected blockStart: Token | null = null;

  parseRaw(): TemplateNode {
    const begin = this.advanceAfterBlockEnd();
    const tokens = this.tokens as Tokenizer;
    RAW_END.lastIndex = tokens.index;
    const end = RAW_END.exec(tokens.str);
    if (!end) return this.fail('missing end of raw directive', begin.lineno, begin.colno);
    let content = tokens.str.slice(tokens.index, end.index);
    if (this.dropLeadingWhitespace) content = content.trimStart();
    if (end[1]) content = content.trimEnd();
    tokens.forwardN(end.index + end[0].length - tokens.index);
    this.dropLeadingWhitespace = end[2] === '-';
    return new nodes.Output(begin.lineno, begin.colno, [new nodes.TemplateData(begin.lineno, begin.colno, content)]);
  }

  parseNodes(): TemplateNode[] {
    const buffer: TemplateNode[] = [];
    for (let token = this.nextToken(); token; token = this.nextToken()) {
      if (token.type === lexer.TOKEN_DATA) {
        let data = token.value;
        if (this.dropLeadingWhitespace) {
          data = data.trimStart();
          this.dropLeadingWhitespace = false;
        }
        if (this.nextTagStripsWhitespace()) data = data.trimEnd();
        buffer.push(new nodes.Output(token.lineno, token.colno, [new nodes.TemplateData(token.lineno, token.colno, data)]));
      } else if (token.type === lexer.TOKEN_BLOCK_START) {
        this.dropLeadingWhitespace = false;
        this.blockStart = token;
        const statement = this.parseStatement();
        if (!statement) break;
        buffer.push(statement);
      } else if (token.type === lexer.TOKEN_VARIABLE_START) {
        const expression = this.parseOutputExpression();
        this.dropLeadingWhitespace = false;
        this.advanceAfterVariableEnd();
        buffer.push(new nodes.Output(token.lineno, token.colno, [expression]));
      } else if (token.type === lexer.TOKEN_COMMENT) {
        const { COMMENT_END } = this.tokens.tags;
        this.dropLeadingWhitespace = token.value.charAt(token.value.length - COMMENT_END.length - 1) === '-';
      } else {
        this.fail(`Unexpected token at top-level: ${token.type}`, token.lineno, token.colno);
      }
    }
    return buffer;
  }

  /** What `{{ ... }}` holds; a subclass widens it to Jinja2's unparenthesised tuples. */
  parseOutputExpression(): TemplateNode {
    return this.parseExpression();
  }

  private nextTagStripsWhitespace(): boolean {
    const next = this.peekToken();
    const value = next?.value ?? '';
    const { tags } = this.tokens;
    if (next?.type === lexer.TOKEN_BLOCK_START) return value.charAt(value.length - 1) === '-';
    if (next?.type === lexer.TOKEN_VARIABLE_START) return value.charAt(tags.VARIABLE_START.length) === '-';
    if (next?.type === lexer.TOKEN_COMMENT) return value.charAt(tags.COMMENT_START.length) === '-';
    return false;
  }
}
