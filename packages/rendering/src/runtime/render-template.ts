import { PromptRenderError } from '@promptops/errors';
import { createGlobals } from './jinja-globals';
import { TemplateInterpreter } from './interpreter';
import { RenderBudget, withBudget } from './render-budget';
import type { RenderLimits } from './render-limits';
import type { TemplateNode } from '../parse/template-node';
import { fromJson } from '../python/python-values';

export type BudgetLimits = ConstructorParameters<typeof RenderBudget>[0];

/**
 * Errors the sandbox did not raise itself, without JavaScript's wording: a stack overflow is the
 * nesting limit, the engine refusing a string, array or map that large is the size limit, and
 * anything else is an internal error.
 */
export function toRenderError(error: unknown): PromptRenderError {
  if (error instanceof PromptRenderError) return error;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new PromptRenderError('Template exceeded the maximum nesting depth', { kind: 'limit', limit: 'stack' });
  }
  if (error instanceof RangeError && /invalid (string|array|typed array) length|maximum size|allocation failed/i.test(error.message)) {
    return new PromptRenderError('Template built a value too large for the sandbox', { kind: 'limit', limit: 'maxOutputChars' });
  }
  return new PromptRenderError('Template rendering failed because of an internal error', { kind: 'internal' });
}

/** Renders a compiled template synchronously; meant to run inside a render worker. */
export function renderCompiledTemplate(root: TemplateNode, context: Record<string, unknown>, limits: Pick<RenderLimits, keyof BudgetLimits>): string {
  const data = fromJson(context);
  if (!(data instanceof Map)) throw new PromptRenderError('Render context must be a JSON object', { kind: 'context' });
  try {
    return withBudget(new RenderBudget(limits), () => new TemplateInterpreter(data, createGlobals()).render(root));
  } catch (error) {
    throw toRenderError(error);
  }
}
