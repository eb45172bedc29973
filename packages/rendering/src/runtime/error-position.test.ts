import { PromptRenderError } from '@promptops/errors';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../parse/compile-template';
import { DEFAULT_RENDER_LIMITS } from './render-limits';
import { renderCompiledTemplate } from './render-template';

function renderFailure(source: string, context: Record<string, unknown> = {}): PromptRenderError {
  try {
    renderCompiledTemplate(compileTemplate(source), context, DEFAULT_RENDER_LIMITS);
  } catch (error) {
    if (error instanceof PromptRenderError) return error;
    throw error;
  }
  throw new Error(`rendered without error: ${source}`);
}

describe('runtime error positions', () => {
  it.each([
    ['an output points at the looked-up value, past filters', 'Hi\n  {{ user.name | upper }}', {}, { variable: 'user', line: 2, column: 6 }],
    ['a missing attribute inside a loop', 'ok\n{% for x in items %}\n {{ x.y }}{% endfor %}', { items: [{}] }, { variable: 'x.y', line: 3, column: 5 }],
    ['a condition points at its tag', 'a\nb {% if flag.on %}x{% endif %}', {}, { variable: 'flag', line: 2, column: 6 }],
    ['an error inside a macro points into its body', '{% macro m() %}\n{{ nope }}{% endmacro %}{{ m() }}', {}, { variable: 'nope', line: 2, column: 4 }],
  ])('%s', (_label, source, context, expected) => {
    const error = renderFailure(source, context);
    expect(error.details).toMatchObject({ kind: 'undefined', ...expected });
  });

  it('keeps the message and the kind of other runtime errors', () => {
    const error = renderFailure('x\n{{ 1 / 0 }}');
    expect(error.message).toContain('ZeroDivisionError');
    expect(error.details).toMatchObject({ line: 2, column: 4 });
  });
});
