import { describe, expect, it } from 'vitest';
import { compileTemplate, isStraightLine } from './compile-template';

describe('isStraightLine', () => {
  it.each(['Plain text', 'Hi {{ user.name }}, item {{ xs[0] }} of {{ xs["all"] }}{# note #}', '{{- a -}}\n{{ 3 }} {{ "x" }}'])(
    'accepts text and lookups: %s',
    (source) => {
      expect(isStraightLine(compileTemplate(source))).toBe(true);
    },
  );

  it.each([
    '{{ name|upper }}',
    '{% for x in xs %}{{ x }}{% endfor %}',
    '{% if a %}b{% endif %}',
    '{{ range(10) }}',
    '{{ a + b }}',
    '{{ s * 1000000 }}',
    '{% set x = 1 %}{{ x }}',
    '{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}',
    '{{ a.upper() }}',
    '{{ xs[1:3] }}',
  ])('rejects anything that computes: %s', (source) => {
    expect(isStraightLine(compileTemplate(source))).toBe(false);
  });
});
