import { z } from '@hono/zod-openapi';

/**
 * Messages that read as a sentence after the field's path (`scorers.0.tolerance: is required`),
 * the same whether the API's request check or the domain finds the problem.
 */
export function expecting(what: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`) };
}

/** Non-empty text of at most `maxChars` characters. */
export function text(maxChars: number) {
  return z.string(expecting('a string')).min(1, 'must not be empty').max(maxChars, `must be at most ${maxChars} characters`);
}

export const flag = z.boolean(expecting('boolean'));

export const unitInterval = z.number(expecting('a number')).min(0, 'must be >= 0').max(1, 'must be <= 1');
