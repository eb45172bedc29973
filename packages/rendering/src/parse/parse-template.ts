// Programs that reach this package through an import (the apps' tsconfigs) see the declarations too.
/// <reference path="./nunjucks-internals.d.ts" />
import { PromptRenderError } from '@promptops/errors';
import type { TokenStream } from 'nunjucks/src/lexer.js';
import { JinjaLexer } from './jinja-lexer';
import { JinjaParser } from './jinja-parser';
import type { TemplateNode } from './template-node';

/** Tags nunjucks parses but that either load other templates or are not Jinja2 syntax. */
const REJECTED_NODE_TYPES: Record<string, string> = {
  Include: "'include' is not supported: templates cannot load other templates",
  Import: "'import' is not supported: templates cannot load other templates",
  FromImport: "'from ... import' is not supported: templates cannot load other templates",
  Extends: "'extends' is not supported: templates cannot load other templates",
  Super: "'super()' is not supported",
  Switch: "'switch' is not Jinja2 syntax",
  AsyncEach: "'asyncEach' is not Jinja2 syntax",
  AsyncAll: "'asyncAll' is not Jinja2 syntax",
  IfAsync: "'ifAsync' is not Jinja2 syntax",
  CallExtension: 'extensions are not supported',
  CallExtensionAsync: 'extensions are not supported',
};

/** Applies Jinja2's source normalisation: `\r\n`/`\r` become `\n`, one trailing newline is dropped. */
function normaliseSource(source: string): string {
  const normalised = source.replace(/\r\n?/g, '\n');
  return normalised.endsWith('\n') ? normalised.slice(0, -1) : normalised;
}

function rejectUnsupportedNodes(node: TemplateNode | null | undefined): void {
  if (!node || typeof node !== 'object') return;
  const reason = REJECTED_NODE_TYPES[node.typename];
  if (reason) throw syntaxError(reason, node.lineno + 1, node.colno + 1);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) rejectUnsupportedNodes(child as TemplateNode);
    else if (value && typeof value === 'object' && 'typename' in value) rejectUnsupportedNodes(value as TemplateNode);
  }
}

/** `line`/`column` are 1-based, as nunjucks' parser errors already report them. */
function syntaxError(reason: string, line = 1, column = 1): PromptRenderError {
  return new PromptRenderError(`Template syntax error at line ${line}, column ${column}: ${reason}`, {
    kind: 'syntax',
    line,
    column,
    reason,
  });
}

/** Runs a recursive walk over a syntax tree, reporting stack exhaustion as a syntax error. */
export function guardNesting<T>(walk: () => T): T {
  try {
    return walk();
  } catch (error) {
    if (error instanceof RangeError) throw syntaxError('template is nested too deeply');
    throw error;
  }
}

/** Parses Jinja2 source into a syntax tree, throwing PromptRenderError (with line/column) on invalid syntax. */
export function parseTemplate(source: string): TemplateNode {
  let root: TemplateNode;
  try {
    root = guardNesting(() => new JinjaParser(new JinjaLexer(normaliseSource(source)) as unknown as TokenStream).parseAsRoot());
  } catch (error) {
    if (error instanceof PromptRenderError) throw error;
    // A JS error from nunjucks' own code on input it did not foresee: no JS internals in the message.
    if (error instanceof TypeError || error instanceof ReferenceError) throw syntaxError('invalid syntax');
    const located = error as { message?: string; lineno?: number; colno?: number };
    const reason = String(located.message ?? error).replace(/^\(unknown path\)\s*(\[Line \d+, Column \d+\])?\s*/, '');
    throw syntaxError(reason.trim(), located.lineno, located.colno);
  }
  guardNesting(() => rejectUnsupportedNodes(root));
  return root;
}
