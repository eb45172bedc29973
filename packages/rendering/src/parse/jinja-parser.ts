import { createRequire } from 'node:module';
import type { Token } from 'nunjucks/src/lexer.js';
import { JinjaExpressionParser } from './jinja-expression-parser';
import type { JinjaLexer } from './jinja-lexer';
import { type TemplateNode, childrenOf } from './template-node';

const require = createRequire(import.meta.url);
const lexer = require('nunjucks/src/lexer.js') as typeof import('nunjucks/src/lexer.js');
const nodes = require('nunjucks/src/nodes.js') as typeof import('nunjucks/src/nodes.js');

/** Tags the parser knows; anything else is Jinja2's "Encountered unknown tag". */
const KNOWN_TAGS = new Set([
  'raw',
  'verbatim',
  'if',
  'ifAsync',
  'for',
  'asyncEach',
  'asyncAll',
  'block',
  'extends',
  'include',
  'set',
  'macro',
  'call',
  'import',
  'from',
  'filter',
  'switch',
  'with',
  'break',
  'continue',
  'do',
]);

interface OpenBlock {
  name: string;
  lineno: number;
  colno: number;
}

/**
 * Jinja2's statements on top of the expression grammar: `with`, `for ... if ... recursive`,
 * the loopcontrols (`break`, `continue`) and `do` extensions, and errors placed where Jinja2
 * places them (an unclosed block names itself and points at its opening tag).
 */
export class JinjaParser extends JinjaExpressionParser {
  declare breakOnBlocks: string[] | null;
  private readonly openBlocks: OpenBlock[] = [];
  /** Loops enclosing the statement being parsed; macro and call bodies start again at zero. */
  private loopDepth = 0;

  /** Errors without a position point at the next token, or at the end of the input. */
  override error(message: string, lineno?: number, colno?: number): Error {
    if (lineno !== undefined && colno !== undefined) return super.error(message, lineno, colno);
    const token = this.peekToken();
    const tokens = this.tokens as unknown as JinjaLexer;
    return super.error(message, token?.lineno ?? tokens.lineno, token?.colno ?? tokens.colno);
  }

  override parseUntilBlocks(...blockNames: string[]): TemplateNode {
    const body = super.parseUntilBlocks(...blockNames);
    const block = this.openBlocks.at(-1);
    if (!this.peekToken() && block) {
      this.fail(
        `Unexpected end of template. Jinja was looking for the following tags: ${describeTags(blockNames)}. ` +
          `The innermost block that needs to be closed is '${block.name}'.`,
        block.lineno,
        block.colno,
      );
    }
    return body;
  }

  override parseStatement(): TemplateNode | null {
    const token = this.peekToken();
    if (token?.type !== lexer.TOKEN_SYMBOL) this.fail('tag name expected', token?.lineno, token?.colno);
    if (this.breakOnBlocks?.includes(token.value)) return null;
    if (!KNOWN_TAGS.has(token.value) || token.value === 'verbatim') {
      const looking = this.breakOnBlocks ? ` Jinja was looking for the following tags: ${describeTags(this.breakOnBlocks)}.` : '';
      this.fail(`Encountered unknown tag '${token.value}'.${looking}`, token.lineno, token.colno);
    }
    const start = this.blockStart ?? token;
    this.openBlocks.push({ name: token.value, lineno: start.lineno, colno: start.colno });
    try {
      return this.parseKnownStatement(token);
    } finally {
      this.openBlocks.pop();
    }
  }

  private parseKnownStatement(token: Token): TemplateNode | null {
    switch (token.value) {
      case 'with':
        return this.parseWith();
      case 'break':
      case 'continue':
        return this.parseLoopControl();
      case 'do': {
        this.nextToken();
        const expr = this.parseTuple();
        this.advanceAfterBlockEnd('do');
        return { typename: 'Do', lineno: token.lineno, colno: token.colno, expr };
      }
      case 'set':
        return this.parseSetStatement();
      case 'macro':
      case 'call':
        return this.outsideLoops(() => {
          if (token.value === 'call') return this.parseCallBlock();
          const macro = super.parseStatement() as TemplateNode;
          this.checkParameters(macro.args as TemplateNode);
          return macro;
        });
      default:
        return super.parseStatement();
    }
  }

  private parseLoopControl(): TemplateNode {
    const token = this.nextToken() as Token;
    // Jinja2 compiles these to Python's break/continue, which Python refuses outside a loop.
    if (this.loopDepth === 0) this.fail(`'${token.value}' outside loop`, token.lineno, token.colno);
    this.advanceAfterBlockEnd(token.value);
    return { typename: token.value === 'break' ? 'Break' : 'Continue', lineno: token.lineno, colno: token.colno };
  }

  private outsideLoops<T>(parse: () => T): T {
    const depth = this.loopDepth;
    this.loopDepth = 0;
    try {
      return parse();
    } finally {
      this.loopDepth = depth;
    }
  }

  /** `{% call(params) macro(args) %}body{% endcall %}`: `macro(args, caller=<body as a macro>)`. */
  private parseCallBlock(): TemplateNode {
    const callToken = this.nextToken() as Token;
    const parameters = this.checkParameters(this.parseSignature(true) ?? new nodes.NodeList(callToken.lineno, callToken.colno));
    const call = this.parsePrimary();
    if (call.typename !== 'FunCall' || !call.args) this.fail('expected a call after call', call.lineno, call.colno);
    this.advanceAfterBlockEnd('call');
    const body = this.parseUntilBlocks('endcall');
    this.advanceAfterBlockEnd();
    const callerName = new nodes.Symbol(callToken.lineno, callToken.colno, 'caller');
    const caller = new nodes.Caller(callToken.lineno, callToken.colno, callerName, parameters, body);
    const args = childrenOf(call.args);
    let keywords = args.find((arg) => arg.typename === 'KeywordArgs');
    if (!keywords) {
      keywords = new nodes.KeywordArgs(callToken.lineno, callToken.colno);
      call.args.children = [...args.filter((arg) => arg.typename !== 'StarKwargs'), keywords, ...args.filter((arg) => arg.typename === 'StarKwargs')];
    }
    keywords.children = [...childrenOf(keywords), new nodes.Pair(callToken.lineno, callToken.colno, callerName, caller)];
    return new nodes.Output(callToken.lineno, callToken.colno, [call]);
  }

  /** Macro and caller parameters are plain names, optionally with defaults (no `*args`). */
  private checkParameters(signature: TemplateNode): TemplateNode {
    for (const arg of childrenOf(signature)) {
      const valid = arg.typename === 'Symbol' || (arg.typename === 'KeywordArgs' && childrenOf(arg).every((pair) => pair.key?.typename === 'Symbol'));
      if (!valid) this.fail('expected a parameter name', arg.lineno, arg.colno);
    }
    return signature;
  }

  /** `{% set a = x %}`, `{% set a, b = 1, 2 %}`, `{% set ns.attr = x %}`, or a block set up to `{% endset %}`. */
  private parseSetStatement(): TemplateNode {
    const setToken = this.nextToken() as Token;
    const node = new nodes.Set(setToken.lineno, setToken.colno, []);
    const targets: TemplateNode[] = [this.parsePrimary()];
    while (this.skip(lexer.TOKEN_COMMA)) targets.push(this.parsePrimary());
    node.targets = targets;
    if (this.skipValue(lexer.TOKEN_OPERATOR, '=')) {
      node.value = this.parseTuple();
      this.advanceAfterBlockEnd('set');
      return node;
    }
    if (!this.skip(lexer.TOKEN_BLOCK_END)) this.fail('expected = or block end in set tag', setToken.lineno, setToken.colno);
    node.body = new nodes.Capture(setToken.lineno, setToken.colno, this.parseUntilBlocks('endset'));
    node.value = null;
    this.advanceAfterBlockEnd();
    return node;
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
    node.arr = this.parseTuple(() => this.parseOr());
    node.filterCondition = this.skipSymbol('if') ? this.parseExpression() : null;
    node.recursive = this.skipSymbol('recursive');
    this.advanceAfterBlockEnd(forToken.value);
    this.loopDepth += 1;
    try {
      node.body = this.parseUntilBlocks('endfor', 'else');
    } finally {
      this.loopDepth -= 1;
    }
    if (this.skipSymbol('else')) {
      this.advanceAfterBlockEnd('else');
      node.else_ = this.parseUntilBlocks('endfor');
    }
    this.advanceAfterBlockEnd();
    return node;
  }
}

/** `'elif' or 'else' or 'endif'`, leaving out nunjucks' own spellings. */
function describeTags(names: string[]): string {
  return names
    .filter((name) => name !== 'elseif')
    .map((name) => `'${name}'`)
    .join(' or ');
}
