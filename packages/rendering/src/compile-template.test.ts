import { describe, expect, it } from 'vitest';
import { CompiledTemplateCache, compileTemplate, isStraightLine } from './compile-template';

describe('CompiledTemplateCache', () => {
  it('reuses compiled templates by source and evicts the least recently used', () => {
    const cache = new CompiledTemplateCache(2);
    const first = cache.compile('{{ a }}');
    expect(cache.compile('{{ a }}')).toBe(first);
    const second = cache.compile('{{ b }}');
    cache.compile('{{ a }}');
    cache.compile('{{ c }}');
    expect(cache.compile('{{ a }}')).toBe(first);
    expect(cache.compile('{{ b }}')).not.toBe(second);
  });

  it('shrinks when resized', () => {
    const cache = new CompiledTemplateCache(3);
    const kept = cache.compile('{{ c }}');
    cache.compile('{{ a }}');
    cache.compile('{{ b }}');
    cache.compile('{{ c }}');
    cache.resize(1);
    expect(cache.compile('{{ c }}')).toBe(kept);
  });
});

describe('isStraightLine', () => {
  it.each(['Plain text', 'Hi {{ user.name }}, item {{ xs[0] }} of {{ xs["all"] }}{# note #}', '{{- a -}}\n{{ 3 }} {{ "x" }}'])('accepts text and lookups: %s', (source) => {
    expect(isStraightLine(compileTemplate(source))).toBe(true);
  });

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
