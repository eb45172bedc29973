import { PromptRenderError } from '@promptops/errors';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from './compile-template';
import { checkFilterArguments } from '../filters/filter-signatures';
import { filterNames } from '../filters/filters';
import { DEFAULT_RENDER_LIMITS } from '../runtime/render-limits';
import { renderCompiledTemplate } from '../runtime/render-template';

function failure(run: () => unknown): PromptRenderError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PromptRenderError);
    return error as PromptRenderError;
  }
  throw new Error('expected a PromptRenderError');
}

const render = (source: string, context: Record<string, unknown> = {}) => renderCompiledTemplate(compileTemplate(source), context, DEFAULT_RENDER_LIMITS);

describe('syntax errors', () => {
  it.each([
    [
      'an unclosed if at its opening tag',
      'line one\n{% if x %}\ntext',
      2,
      1,
      /looking for the following tags: 'elif' or 'else' or 'endif'\. The innermost block that needs to be closed is 'if'/,
    ],
    ['the innermost unclosed block', '{% if x %}\n  {%- for a in b %}x', 2, 3, /'endfor' or 'else'.*is 'for'/],
    ['an unclosed macro', 'a\nb {% macro m() %}', 2, 3, /is 'macro'/],
    ['an unterminated print at the end of input', 'a\n{{ x ', 2, 6, /expected variable end/],
    ['a stray end tag', 'x\n  {% endif %}', 2, 6, /Encountered unknown tag 'endif'/],
    ['a break outside any loop', '{% for x in y %}{% endfor %}{% break %}', 1, 32, /'break' outside loop/],
    ['a tag name missing at the end', 'text {%', 1, 8, /tag name expected/],
    ['a bad escape', 'a\n{{ "\\x4" }}', 2, 4, /truncated \\xXX escape/],
    ['an unbalanced brace', '{{ (1 }}', 1, 7, /unexpected '}', expected '\)'/],
  ])('places %s', (_name, source, line, column, reason) => {
    const error = failure(() => compileTemplate(source));
    expect(error.details).toMatchObject({ kind: 'syntax', line, column });
    expect(error.message).toMatch(reason);
  });

  it('never reports JavaScript internals', () => {
    for (const source of ['{%', 'x{% ', '{% call %}', '{% call x %}{% endcall %}', '{{ f(**) }}', '{% set %}', '{{ f(*a, *b) }}']) {
      const error = failure(() => compileTemplate(source));
      expect(error.message, source).not.toMatch(/Cannot read|undefined \(reading|is not a function|of null/);
    }
  });
});

describe('runtime errors', () => {
  it.each([
    ["{{ '%c' % 1114112 }}", /OverflowError: %c arg not in range/],
    ["{{ 'a'.center(5, 'xy') }}", /TypeError: The fill character must be exactly one character long/],
    ["{{ '%.150f' % 1.5 }}{{ '%.1000001f' % 1.5 }}", /characters/],
    ['{{ "&#99999999;"|striptags }}{{ [[1]]|unique|list }}', /TypeError: unhashable type: 'list'/],
    ['{{ 1 + range }}', /unsupported operand type\(s\) for \+: 'int' and 'type'/],
  ])('names Python types, not JavaScript internals: %s', (source, message) => {
    const error = failure(() => render(source));
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/Invalid string length|toFixed|digits argument|RangeError|code point/i);
  });

  it('renders what JavaScript alone would reject', () => {
    expect(render("{{ '%.101f' % 0.1 }}")).toHaveLength(103);
    expect(render('{{ "&#99999999;x"|striptags }}')).toBe('\ufffdx');
    expect(render('{{ "a\\nb"|indent(-1) }}')).toBe('a\nb');
  });
});

describe('filter signatures', () => {
  it('covers every filter, so unknown keywords are TypeErrors everywhere but in the variadic ones', () => {
    const variadic = ['format', 'map', 'select', 'reject', 'selectattr', 'rejectattr'];
    for (const name of filterNames().filter((filter) => !variadic.includes(filter))) {
      const error = failure(() => checkFilterArguments(name, { positional: [], keywords: new Map([['no_such_option', 1]]) }));
      expect(error.message, name).toMatch(/TypeError: .*(unexpected keyword argument 'no_such_option'|takes no keyword arguments)/);
    }
  });

  it('accepts keywords for variadic filters and known parameters', () => {
    expect(() => checkFilterArguments('map', { positional: ['upper'], keywords: new Map([['anything', 1]]) })).not.toThrow();
    expect(() => checkFilterArguments('indent', { positional: [2], keywords: new Map([['first', true]]) })).not.toThrow();
  });
});
