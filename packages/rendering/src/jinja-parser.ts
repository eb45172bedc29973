import { createRequire } from 'node:module';
import type { Token } from 'nunjucks/src/lexer.js';
import { LinearTimeParser } from './linear-time-parser';
import { makeFloat } from './python-values';
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
 * nunjucks' parser with the grammar corrected towards Jinja2: operator precedence
 * (`+ -` < `~` < `* / // %`), tests bound as tightly as filters with bare arguments,
 * slicing, `for ... if ... recursive`, and no regex literals (ReDoS).
 */
export class JinjaParser extends LinearTimeParser {
  override parsePrimary(noPostfix?: boolean): TemplateNode {
    const token = this.peekToken();
    if (token?.type === lexer.TOKEN_REGEX) {
      this.fail('regular expression literals are not supported', token.lineno, token.colno);
    }
    if (token?.type === lexer.TOKEN_FLOAT) {
      // nunjucks parses `1.0` to the JS number 1; keep it a Python float.
      this.nextToken();
      const literal = new nodes.Literal(token.lineno, token.colno, makeFloat(Number.parseFloat(token.value)));
      return noPostfix ? literal : this.parsePostfix(literal);
    }
    return super.parsePrimary(noPostfix);
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
        // `xs.1.name` lexes as `xs . 1. name`: split the float token back into index and dot.
        const indexThenDot = attribute?.type === lexer.TOKEN_FLOAT && /^\d+\.$/.test(attribute.value);
        if (!attribute || (attribute.type !== lexer.TOKEN_SYMBOL && attribute.type !== lexer.TOKEN_INT && !indexThenDot)) {
          this.fail(`expected name as lookup value, got ${attribute?.value}`, token.lineno, token.colno);
        }
        if (indexThenDot) this.pushToken({ ...attribute, type: lexer.TOKEN_OPERATOR, value: '.' });
        const key = attribute.type === lexer.TOKEN_SYMBOL ? attribute.value : Number.parseInt(attribute.value, 10);
        node = new nodes.LookupVal(token.lineno, token.colno, node, new nodes.Literal(attribute.lineno, attribute.colno, key));
        node.dotted = true;
      } else {
        break;
      }
    }
    return node;
  }

  /** Lists, dicts and tuples, with Jinja2's trailing commas (`(1,)` is a one-element tuple). */
  override parseAggregate(): TemplateNode | null {
    const open = this.nextToken();
    const NodeType =
      open?.type === lexer.TOKEN_LEFT_PAREN ? nodes.Group : open?.type === lexer.TOKEN_LEFT_BRACKET ? nodes.Array : open?.type === lexer.TOKEN_LEFT_CURLY ? nodes.Dict : null;
    if (!open || !NodeType) return null;
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
    const optionalExpression = () =>
      isAt(lexer.TOKEN_COLON) || isAt(lexer.TOKEN_RIGHT_BRACKET) ? null : this.parseExpression();
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
      const argument = this.parsePostfix(super.parsePrimary(true));
      test = new nodes.FunCall(next.lineno, next.colno, test, new nodes.NodeList(next.lineno, next.colno, [argument]));
    }
    const node = new nodes.Is(isToken.lineno, isToken.colno, subject, test);
    return negated ? new nodes.Not(isToken.lineno, isToken.colno, node) : node;
  }

  override parseStatement(): TemplateNode | null {
    const token = this.peekToken();
    if (token?.type === lexer.TOKEN_SYMBOL && token.value === 'verbatim') {
      this.fail("Encountered unknown tag 'verbatim'.", token.lineno, token.colno);
    }
    return token?.type === lexer.TOKEN_SYMBOL && token.value === 'with' ? this.parseWith() : super.parseStatement();
  }

  /** `{% with a = 1, b = x %}...{% endwith %}`: nunjucks has no such tag. */
  private parseWith(): TemplateNode {
    const withToken = this.nextToken() as Token;
    const assignments: TemplateNode[] = [];
    while (this.peekToken()?.type !== lexer.TOKEN_BLOCK_END) {
      if (assignments.length > 0 && !this.skip(lexer.TOKEN_COMMA)) this.fail('expected comma in with', withToken.lineno, withToken.colno);
      const target = this.parsePrimary(true);
      if (target.typename !== 'Symbol') this.fail('expected a name in with', target.lineno, target.colno);
      if (!this.skipValue(lexer.TOKEN_OPERATOR, '=')) this.fail('expected = in with', target.lineno, target.colno);
      assignments.push(new nodes.Pair(target.lineno, target.colno, target, this.parseExpression()));
    }
    this.advanceAfterBlockEnd('with');
    const body = this.parseUntilBlocks('endwith');
    this.advanceAfterBlockEnd();
    return { typename: 'With', lineno: withToken.lineno, colno: withToken.colno, children: assignments, body };
  }

  parseFor(): TemplateNode {
    const forToken = this.peekToken();
    if (!this.skipSymbol('for')) this.fail('expected for', forToken.lineno, forToken.colno);
    const node = new nodes.For(forToken.lineno, forToken.colno);
    let target = this.parsePrimary(true);
    if (target.typename !== 'Symbol') this.fail('variable name expected for loop', forToken.lineno, forToken.colno);
    if (this.peekToken()?.type === lexer.TOKEN_COMMA) {
      const names = [target];
      while (this.skip(lexer.TOKEN_COMMA)) names.push(this.parsePrimary(true));
      target = new nodes.Array(target.lineno, target.colno, names);
    }
    node.name = target;
    if (!this.skipSymbol('in')) this.fail('expected "in" keyword for loop', forToken.lineno, forToken.colno);
    node.arr = this.parseOr();
    node.filterCondition = this.skipSymbol('if') ? this.parseExpression() : null;
    node.recursive = this.skipSymbol('recursive');
    this.advanceAfterBlockEnd(forToken.value);
    node.body = this.parseUntilBlocks('endfor', 'else');
    if (this.skipSymbol('else')) {
      this.advanceAfterBlockEnd('else');
      node.else_ = this.parseUntilBlocks('endfor');
    }
    this.advanceAfterBlockEnd();
    return node;
  }
}
