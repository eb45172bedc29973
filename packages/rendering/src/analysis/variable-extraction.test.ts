import { PromptRenderError } from '@promptops/errors';
import { describe, expect, it } from 'vitest';
import { extractVariables, suggestInputSchema } from '../index';

function byPath(source: string) {
  return Object.fromEntries(extractVariables(source).map(({ path, ...rest }) => [path, rest]));
}

describe('extractVariables', () => {
  it('reports dotted paths and excludes locals, loop variables and globals', () => {
    const variables = byPath(
      '{{ user.name }}{% set greeting = "hi" %}{{ greeting }}{% for i in range(3) %}{{ loop.index }}{{ i }}{% endfor %}' +
        '{{ lipsum(1) }}{{ cycler("a").next() }}{{ joiner() }}{{ dict(a=1) }}',
    );
    expect(Object.keys(variables)).toEqual(['user', 'user.name']);
    expect(variables.user).toEqual({ type_hint: 'object', optional: false });
  });

  it('marks iterables as arrays and records attributes read from the loop variable', () => {
    const variables = byPath('{% for item in items %}{{ item.title|upper }} {{ item.meta.rank + 1 }}{% endfor %}');
    expect(variables.items).toEqual({ type_hint: 'array', optional: false });
    expect(variables['items[].title']).toEqual({ type_hint: 'string', optional: false });
    expect(variables['items[].meta.rank']).toEqual({ type_hint: 'number', optional: false });
  });

  it('excludes set locals, block sets, namespace attributes and macro parameters', () => {
    const source =
      '{% set ns = namespace(total=0) %}{% for p in prices %}{% set ns.total = ns.total + p %}{% endfor %}{{ ns.total }}' +
      '{% set block %}{{ title }}{% endset %}{{ block }}' +
      '{% macro row(label, value=fallback) %}{{ label }}{{ value }}{{ caller() if caller }}{% endmacro %}{{ row("x") }}' +
      '{% call(entry) row("y") %}{{ entry }}{{ footer }}{% endcall %}';
    expect(Object.keys(byPath(source)).sort()).toEqual(['fallback', 'footer', 'prices', 'title']);
  });

  it('treats with-block names as locals', () => {
    expect(Object.keys(byPath('{% with n = user.name %}{{ n }}{{ other }}{% endwith %}'))).toEqual(['user', 'user.name', 'other']);
  });

  it('treats default/d, is defined/undefined/none and if-guards as optional', () => {
    const variables = byPath(
      '{{ nickname|default("anon") }}{{ title|d("") }}{% if bio is defined %}{{ bio.text }}{% endif %}' +
        '{% if note %}{{ note }}{% endif %}{{ "x" if banner is not undefined }}{{ required_name }}{{ user.email|default("") }}',
    );
    expect(variables.nickname?.optional).toBe(true);
    expect(variables.title?.optional).toBe(true);
    expect(variables.bio?.optional).toBe(true);
    expect(variables['bio.text']?.optional).toBe(true);
    expect(variables.note?.optional).toBe(true);
    expect(variables.banner?.optional).toBe(true);
    expect(variables.required_name?.optional).toBe(false);
    // `user.email|default` still needs `user` itself, as Jinja2's StrictUndefined does.
    expect(variables['user.email']?.optional).toBe(true);
    expect(variables.user?.optional).toBe(false);
  });

  it('infers types from methods, tests, filters and operators', () => {
    const variables = byPath(
      '{{ name.strip() }}{% for k, v in settings.items() %}{{ k }}{% endfor %}{{ n is odd }}{{ flag is true }}' +
        '{{ tags|join(",") }}{{ price|round(2) }}{{ count > 3 }}{{ conf|dictsort }}',
    );
    expect(variables.name?.type_hint).toBe('string');
    expect(variables.settings?.type_hint).toBe('object');
    expect(variables.n?.type_hint).toBe('number');
    expect(variables.flag?.type_hint).toBe('boolean');
    expect(variables.tags?.type_hint).toBe('array');
    expect(variables.price?.type_hint).toBe('number');
    expect(variables.count?.type_hint).toBe('number');
    expect(variables.conf?.type_hint).toBe('object');
  });

  it('throws PromptRenderError with a location for invalid syntax', () => {
    expect(() => extractVariables('{% for x in %}')).toThrow(PromptRenderError);
  });

  it('keeps a guard for as long as any enclosing condition holds it', () => {
    const variables = byPath(
      '{% if a and b %}{% if a %}{{ a.inner }}{% endif %}{{ a.outer }}{% endif %}{{ a.after }}{% if items %}{% for i in items %}{{ i.x }}{% endfor %}{% endif %}',
    );
    expect(variables['a.inner']?.optional).toBe(true);
    expect(variables['a.outer']?.optional).toBe(true);
    expect(variables['a.after']?.optional).toBe(false);
    expect(variables['items[].x']?.optional).toBe(true);
  });
});

describe('suggestInputSchema', () => {
  it('builds a draft 2020-12 schema with nested objects, arrays and required top-level names', () => {
    const schema = suggestInputSchema([
      'Hello {{ user.name }}{% for doc in documents %}{{ doc.title }}{% endfor %}',
      '{{ language|default("en") }} {{ user.plan }}',
    ]);
    expect(schema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      additionalProperties: true,
      required: ['documents', 'user'],
      properties: {
        user: { type: 'object', additionalProperties: true, properties: { name: {}, plan: {} } },
        documents: {
          type: 'array',
          items: { type: 'object', additionalProperties: true, properties: { title: {} } },
        },
        language: {},
      },
    });
  });

  it('accepts a single source and keeps optional variables out of required', () => {
    const schema = suggestInputSchema('{% if tone is defined %}{{ tone|upper }}{% endif %}{{ count + 1 }}');
    expect(schema.required).toEqual(['count']);
    expect(schema.properties?.tone).toEqual({ type: 'string' });
    expect(schema.properties?.count).toEqual({ type: 'number' });
  });
});
