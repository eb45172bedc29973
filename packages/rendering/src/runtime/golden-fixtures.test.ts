import { readFileSync } from 'node:fs';
import { PromptRenderError } from '@promptops/errors';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../parse/compile-template';
import { DEFAULT_RENDER_LIMITS } from './render-limits';
import { renderCompiledTemplate } from './render-template';

interface FixtureCase {
  name: string;
  template: string;
  context: Record<string, unknown>;
}

type GoldenResult = { name: string; output: string } | { name: string; error: string };

const fixtures = new URL('../../fixtures/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('cases.json', fixtures), 'utf8')) as FixtureCase[];
const golden = JSON.parse(readFileSync(new URL('golden.json', fixtures), 'utf8')) as { results: GoldenResult[] };
const expected = new Map(golden.results.map((result) => [result.name, result]));

function renderCase(fixture: FixtureCase): string {
  return renderCompiledTemplate(compileTemplate(fixture.template), fixture.context, DEFAULT_RENDER_LIMITS);
}

describe('Jinja2 golden fixtures', () => {
  it('has a golden result for every case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(250);
    for (const fixture of cases) expect(expected.has(fixture.name), fixture.name).toBe(true);
  });

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const result = expected.get(fixture.name);
    if (!result) throw new Error(`missing golden result for ${fixture.name}`);
    if ('output' in result) {
      expect(renderCase(fixture)).toBe(result.output);
      return;
    }
    let failure: unknown;
    try {
      renderCase(fixture);
    } catch (error) {
      failure = error;
    }
    expect(failure, `expected Jinja2's "${result.error}"`).toBeInstanceOf(PromptRenderError);
    const undefinedName = /^UndefinedError: '([^']+)' is undefined$/.exec(result.error)?.[1];
    if (undefinedName) {
      const error = failure as PromptRenderError;
      expect(error.message).toContain(`'${undefinedName}'`);
      expect(JSON.stringify(error.details)).toContain(undefinedName);
    }
  });
});
