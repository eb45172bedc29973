// @types/nunjucks only describes the public API; the parser, lexer and node classes used to
// build our own Jinja2 interpreter are internal modules, typed here as loosely as we use them.

declare module 'nunjucks/src/lexer.js' {
  export interface Token {
    type: string;
    value: string;
    lineno: number;
    colno: number;
  }
  export interface TokenStream {
    tags: { BLOCK_START: string; VARIABLE_START: string; COMMENT_START: string; COMMENT_END: string };
  }
  export function lex(source: string, options?: Record<string, unknown>): TokenStream;
  export const TOKEN_SYMBOL: string;
  export const TOKEN_COMMA: string;
  export const TOKEN_LEFT_PAREN: string;
  export const TOKEN_RIGHT_PAREN: string;
  export const TOKEN_LEFT_BRACKET: string;
  export const TOKEN_RIGHT_BRACKET: string;
  export const TOKEN_RIGHT_CURLY: string;
  export const TOKEN_LEFT_CURLY: string;
  export const TOKEN_COLON: string;
  export const TOKEN_OPERATOR: string;
  export const TOKEN_TILDE: string;
  export const TOKEN_PIPE: string;
  export const TOKEN_STRING: string;
  export const TOKEN_INT: string;
  export const TOKEN_FLOAT: string;
  export const TOKEN_BOOLEAN: string;
  export const TOKEN_NONE: string;
  export const TOKEN_REGEX: string;
  export const TOKEN_BLOCK_END: string;
  export const TOKEN_VARIABLE_END: string;
  export const TOKEN_WHITESPACE: string;
  export const TOKEN_BLOCK_START: string;
  export const TOKEN_VARIABLE_START: string;
  export const TOKEN_COMMENT: string;
  export const TOKEN_DATA: string;
}

declare module 'nunjucks/src/nodes.js' {
  export type NodeConstructor = new (lineno: number, colno: number, ...fields: unknown[]) => import('./template-node').TemplateNode;
  export const Node: NodeConstructor;
  export const NodeList: NodeConstructor;
  export const Root: NodeConstructor;
  export const Literal: NodeConstructor;
  // biome-ignore lint/suspicious/noShadowRestrictedNames: nunjucks names its node classes this way.
  export const Symbol: NodeConstructor;
  // biome-ignore lint/suspicious/noShadowRestrictedNames: nunjucks names its node classes this way.
  export const Array: NodeConstructor;
  export const LookupVal: NodeConstructor;
  export const Group: NodeConstructor;
  export const Dict: NodeConstructor;
  export const Pair: NodeConstructor;
  export const FunCall: NodeConstructor;
  export const Filter: NodeConstructor;
  export const KeywordArgs: NodeConstructor;
  export const Caller: NodeConstructor;
  // biome-ignore lint/suspicious/noShadowRestrictedNames: nunjucks names its node classes this way.
  export const Set: NodeConstructor;
  export const Capture: NodeConstructor;
  export const For: NodeConstructor;
  export const InlineIf: NodeConstructor;
  export const Is: NodeConstructor;
  export const Not: NodeConstructor;
  export const Add: NodeConstructor;
  export const Sub: NodeConstructor;
  export const Mul: NodeConstructor;
  export const Div: NodeConstructor;
  export const FloorDiv: NodeConstructor;
  export const Mod: NodeConstructor;
  export const Concat: NodeConstructor;
  export const Output: NodeConstructor;
  export const TemplateData: NodeConstructor;
}

declare module 'nunjucks/src/parser.js' {
  import type { Token, TokenStream } from 'nunjucks/src/lexer.js';
  import type { TemplateNode } from './template-node';
  export class Parser {
    constructor(tokens: TokenStream);
    tokens: TokenStream;
    peekToken(): Token;
    nextToken(withWhitespace?: boolean): Token | null;
    pushToken(token: Token): void;
    error(message: string, lineno?: number, colno?: number): Error;
    fail(message: string, lineno?: number, colno?: number): never;
    skip(type: string): boolean;
    skipValue(type: string, value: string): boolean;
    skipSymbol(value: string): boolean;
    expect(type: string): Token;
    advanceAfterBlockEnd(name?: string): Token;
    advanceAfterVariableEnd(): void;
    parseUntilBlocks(...blockNames: string[]): TemplateNode;
    parseExpression(): TemplateNode;
    parseOr(): TemplateNode;
    parseInlineIf(): TemplateNode;
    parsePrimary(noPostfix?: boolean): TemplateNode;
    parsePostfix(node: TemplateNode): TemplateNode;
    parseUnary(noFilters?: boolean): TemplateNode;
    parsePow(): TemplateNode;
    parseConcat(): TemplateNode;
    parseFilter(node: TemplateNode): TemplateNode;
    parseFilterName(): TemplateNode;
    parseFilterArgs(node: TemplateNode): TemplateNode[];
    parseSignature(tolerant?: boolean, noParens?: boolean): TemplateNode;
    parseAggregate(): TemplateNode | null;
    parseAsRoot(): TemplateNode;
    parseStatement(): TemplateNode | null;
  }
}
