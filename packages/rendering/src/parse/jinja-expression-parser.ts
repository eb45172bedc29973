import { createRequire } from 'node:module';
import type { Token } from 'nunjucks/src/lexer.js';
import { LinearTimeParser } from './linear-time-parser';
import { makeFloat } from '../python/python-values';
import type { TemplateNode } from './template-node';

// nunjucks' internal modules are CommonJS objects; requiring them avoids relying on ESM
// named-export detection for `module.exports = {...}`.
const require = createRequire(import.meta.url);
const lexer = require('nunjucks/src/lexer.js') as typeof import('nunjucks/src/lexer.js');
const nodes = require('nunjucks/src/nodes.js') as typeof import('nunjucks/src/nodes.js');

const CLOSING_TOKENS = new Set([lexer.TOKEN_RIGHT_PAREN, lexer.TOKEN_RIGHT_BRACKET, lexer.TOKEN_RIGHT_CURLY]);

/** Argument tokens that may follow a test name without parentheses (`x is divisibleby 3`). */
const BARE_TEST_ARGUMENT_TOKENS = new Set([
  lexer.TOKEN_SYMBOL,
  lexer.TOKEN_STRING,
  lexer.TOKEN_INT,
  lexer.TOKEN_FLOAT,
  lexer.TOKEN_BOOLEAN,
  lexer.TOKEN_NONE,
  lexer.TOKEN_LEFT_BRACKET,
  lexer.TOKEN_LEFT_CURLY,
]);

/**
 * nunjucks' expression grammar corrected towards Jinja2's: operator precedence
 * (`+ -` < `~` < `* / // %`), tests bound as tightly as filters with bare arguments, slicing,
 * adjacent string literals, and Jinja2's call arguments (`*args`, `**kwargs`, trailing commas).
 */
export class JinjaExpressionParser extends LinearTimeParser {
  override parsePrimary(noPostfix?: boolean): TemplateNode {
    const token = this.peekToken();
    let literal: TemplateNode | null = null;
    if (token?.type === lexer.TOKEN_FLOAT) {
      // nunjucks parses `1.0` to the JS number 1; keep it a Python float.
      this.nextToken();
      literal = new nodes.Literal(token.lineno, token.colno, makeFloat(Number.parseFloat(token.value)));
    } else if (token?.type === lexer.TOKEN_INT) {
      // The lexer keeps Python's spelling minus underscores: `31`, `0x1F`, `0o17`, `0b101`.
      this.nextToken();
      literal = new nodes.Literal(token.lineno, token.colno, Number(token.value));
    } else if (token?.type === lexer.TOKEN_STRING) {
      // `"a" "b"` is one literal, as in Python.
      this.nextToken();
      let text = token.value;
      while (this.peekToken()?.type === lexer.TOKEN_STRING) text += this.nextToken()?.value ?? '';
      literal = new nodes.Literal(token.lineno, token.colno, text);
    }
    if (!literal) return super.parsePrimary(noPostfix);
    return noPostfix ? literal : this.parsePostfix(literal);
  }

  override parseOutputExpression(): TemplateNode {
    return this.parseTuple();
  }

  /** Jinja2's parse_tuple: `a, b` (or `a,`) without parentheses is a tuple where a tag allows it. */
  parseTuple(parseItem: () => TemplateNode = () => this.parseExpression()): TemplateNode {
    const first = parseItem();
    if (this.peekToken()?.type !== lexer.TOKEN_COMMA) return first;
    const tuple = new nodes.Group(first.lineno, first.colno);
    const items = [first];
    while (this.skip(lexer.TOKEN_COMMA) && !this.atTupleEnd()) items.push(parseItem());
    tuple.children = items;
    tuple.trailingComma = true;
    return tuple;
  }

  private atTupleEnd(): boolean {
    const token = this.peekToken();
    if (!token || token.type === lexer.TOKEN_BLOCK_END || token.type === lexer.TOKEN_VARIABLE_END) return true;
    return token.type === lexer.TOKEN_SYMBOL && (token.value === 'if' || token.value === 'recursive');
  }

  override parsePostfix(start: TemplateNode): TemplateNode {
    let node = start;
    for (let token = this.peekToken(); token; token = this.peekToken()) {
      if (token.type === lexer.TOKEN_LEFT_PAREN) {
        node = new nodes.FunCall(token.lineno, token.colno, node, this.parseSignature());
      } else if (token.type === lexer.TOKEN_LEFT_BRACKET) {
        node = new nodes.LookupVal(token.lineno, token.colno, node, this.parseSubscript());
      } else if (token.type === lexer.TOKEN_OPERATOR && token.value === '.') {
        this.nextToken();
        const attribute = this.nextToken();
        if (!attribute || (attribute.type !== lexer.TOKEN_SYMBOL && attribute.type !== lexer.TOKEN_INT)) {
          this.fail(`expected name as lookup value, got ${attribute?.value}`, token.lineno, token.colno);
        }
        const key = attribute.type === lexer.TOKEN_SYMBOL ? attribute.value : Number.parseInt(attribute.value, 10);
        node = new nodes.LookupVal(token.lineno, token.colno, node, new nodes.Literal(attribute.lineno, attribute.colno, key));
        node.dotted = true;
      } else {
        break;
      }
    }
    return node;
  }

  /**
   * Call arguments with Jinja2's rules: positional arguments first, keywords (`name=value`), one
   * `*iterable` (before or among keywords) and one `**mapping` last; a trailing comma is allowed.
   * `*x` and `**x` become `StarArgs`/`StarKwargs` children whose `target` is the expression.
   */
  override parseSignature(tolerant?: boolean): TemplateNode {
    const open = this.peekToken();
    if (open?.type !== lexer.TOKEN_LEFT_PAREN) {
      if (tolerant) return null as unknown as TemplateNode;
      this.fail('expected arguments', open?.lineno, open?.colno);
    }
    this.nextToken();
    const args = new nodes.NodeList(open.lineno, open.colno);
    const keywords = new nodes.KeywordArgs(open.lineno, open.colno);
    keywords.children = [];
    const children: TemplateNode[] = [];
    let starArgs: TemplateNode | null = null;
    let starKwargs: TemplateNode | null = null;
    const invalid = (token: Token) => this.fail('invalid syntax for function call expression', token.lineno, token.colno);
    while (this.peekToken()?.type !== lexer.TOKEN_RIGHT_PAREN) {
      if (children.length + childrenCount(keywords) > 0 || starArgs || starKwargs) {
        this.expect(lexer.TOKEN_COMMA);
        if (this.peekToken()?.type === lexer.TOKEN_RIGHT_PAREN) break;
      }
      const token = this.peekToken();
      if (token?.type === lexer.TOKEN_OPERATOR && (token.value === '*' || token.value === '**')) {
        this.nextToken();
        if (starKwargs || (token.value === '*' && starArgs)) invalid(token);
        const star = { typename: token.value === '*' ? 'StarArgs' : 'StarKwargs', lineno: token.lineno, colno: token.colno, target: this.parseExpression() };
        if (token.value === '*') starArgs = star;
        else starKwargs = star;
        continue;
      }
      const argument = this.parseExpression();
      if (this.skipValue(lexer.TOKEN_OPERATOR, '=')) {
        if (argument.typename !== 'Symbol' || starKwargs) invalid(token);
        keywords.children?.push(new nodes.Pair(argument.lineno, argument.colno, argument, this.parseExpression()));
      } else {
        if (starArgs || starKwargs || childrenCount(keywords) > 0) invalid(token);
        children.push(argument);
      }
    }
    this.expect(lexer.TOKEN_RIGHT_PAREN);
    if (starArgs) children.push(starArgs);
    if (childrenCount(keywords) > 0) children.push(keywords);
    if (starKwargs) children.push(starKwargs);
    args.children = children;
    return args;
  }

  /** Lists, dicts and tuples, with Jinja2's trailing commas (`(1,)` is a one-element tuple). */
  override parseAggregate(): TemplateNode | null {
    const open = this.nextToken();
    const NodeType =
      open?.type === lexer.TOKEN_LEFT_PAREN
        ? nodes.Group
        : open?.type === lexer.TOKEN_LEFT_BRACKET
          ? nodes.Array
          : open?.type === lexer.TOKEN_LEFT_CURLY
            ? nodes.Dict
            : null;
    if (!open || !NodeType) {
      if (open) this.pushToken(open);
      return null;
    }
    const node = new NodeType(open.lineno, open.colno);
    const children: TemplateNode[] = [];
    const isClosing = () => CLOSING_TOKENS.has(this.peekToken()?.type ?? '');
    while (!isClosing()) {
      if (children.length > 0) {
        if (!this.skip(lexer.TOKEN_COMMA)) this.fail('expected comma after expression', open.lineno, open.colno);
        if (isClosing()) {
          node.trailingComma = true;
          break;
        }
      }
      if (NodeType === nodes.Dict) {
        const key = this.parseExpression();
        if (!this.skip(lexer.TOKEN_COLON)) this.fail('expected colon after dict key', open.lineno, open.colno);
        children.push(new nodes.Pair(key.lineno, key.colno, key, this.parseExpression()));
      } else {
        children.push(this.parseExpression());
      }
    }
    if (!this.nextToken()) this.fail('unexpected end of template', open.lineno, open.colno);
    node.children = children;
    return node;
  }

  private parseSubscript(): TemplateNode {
    const open = this.expect(lexer.TOKEN_LEFT_BRACKET);
    const isAt = (type: string) => this.peekToken()?.type === type;
    const optionalExpression = () => (isAt(lexer.TOKEN_COLON) || isAt(lexer.TOKEN_RIGHT_BRACKET) ? null : this.parseExpression());
    const start = optionalExpression();
    if (!this.skip(lexer.TOKEN_COLON)) {
      if (!start) this.fail('expected subscript', open.lineno, open.colno);
      this.expect(lexer.TOKEN_RIGHT_BRACKET);
      return start;
    }
    const stop = optionalExpression();
    const step = this.skip(lexer.TOKEN_COLON) ? optionalExpression() : null;
    this.expect(lexer.TOKEN_RIGHT_BRACKET);
    return { typename: 'Slice', lineno: open.lineno, colno: open.colno, start, stop, step };
  }

  // Jinja2 allows `a if x else b if y else c`; nunjucks stops after the first else.
  override parseInlineIf(): TemplateNode {
    const body = this.parseOr();
    if (!this.skipSymbol('if')) return body;
    const node = new nodes.InlineIf(body.lineno, body.colno);
    node.body = body;
    node.cond = this.parseOr();
    node.else_ = this.skipSymbol('else') ? this.parseInlineIf() : null;
    return node;
  }

  // Called by parseCompare; this is Jinja2's "math1" level.
  override parseConcat(): TemplateNode {
    let node = this.parseTilde();
    for (;;) {
      if (this.skipValue(lexer.TOKEN_OPERATOR, '+')) {
        node = new nodes.Add(node.lineno, node.colno, node, this.parseTilde());
      } else if (this.skipValue(lexer.TOKEN_OPERATOR, '-')) {
        node = new nodes.Sub(node.lineno, node.colno, node, this.parseTilde());
      } else {
        return node;
      }
    }
  }

  private parseTilde(): TemplateNode {
    let node = this.parseMultiplicative();
    while (this.skipValue(lexer.TOKEN_TILDE, '~')) {
      node = new nodes.Concat(node.lineno, node.colno, node, this.parseMultiplicative());
    }
    return node;
  }

  private parseMultiplicative(): TemplateNode {
    const operators = { '*': nodes.Mul, '/': nodes.Div, '//': nodes.FloorDiv, '%': nodes.Mod } as const;
    let node = this.parsePow();
    for (;;) {
      const token = this.peekToken();
      const NodeType = token?.type === lexer.TOKEN_OPERATOR ? operators[token.value as keyof typeof operators] : undefined;
      if (!NodeType) return node;
      this.nextToken();
      node = new NodeType(node.lineno, node.colno, node, this.parsePow());
    }
  }

  override parseFilter(start: TemplateNode): TemplateNode {
    let node = start;
    for (;;) {
      const token = this.peekToken();
      if (token?.type === lexer.TOKEN_PIPE) {
        this.nextToken();
        const name = this.parseFilterName();
        const args = this.parseFilterArgs(node);
        node = new nodes.Filter(name.lineno, name.colno, name, new nodes.NodeList(name.lineno, name.colno, [node, ...args]));
      } else if (token?.type === lexer.TOKEN_SYMBOL && token.value === 'is') {
        this.nextToken();
        node = this.parseTest(node, token);
      } else {
        return node;
      }
    }
  }

  private parseTest(subject: TemplateNode, isToken: Token): TemplateNode {
    const negated = this.skipSymbol('not');
    const nameToken = this.nextToken();
    if (!nameToken || ![lexer.TOKEN_SYMBOL, lexer.TOKEN_NONE, lexer.TOKEN_BOOLEAN].includes(nameToken.type)) {
      this.fail('expected test name after "is"', isToken.lineno, isToken.colno);
    }
    let test: TemplateNode = new nodes.Symbol(nameToken.lineno, nameToken.colno, nameToken.value);
    const next = this.peekToken();
    if (next?.type === lexer.TOKEN_LEFT_PAREN) {
      test = new nodes.FunCall(next.lineno, next.colno, test, this.parseSignature());
    } else if (next && BARE_TEST_ARGUMENT_TOKENS.has(next.type) && !['else', 'or', 'and'].includes(next.value)) {
      const argument = this.parsePostfix(this.parsePrimary(true));
      test = new nodes.FunCall(next.lineno, next.colno, test, new nodes.NodeList(next.lineno, next.colno, [argument]));
    }
    const node = new nodes.Is(isToken.lineno, isToken.colno, subject, test);
    return negated ? new nodes.Not(isToken.lineno, isToken.colno, node) : node;
  }
}

function childrenCount(node: TemplateNode): number {
  return node.children?.length ?? 0;
}
