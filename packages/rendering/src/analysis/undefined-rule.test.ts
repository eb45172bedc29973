import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractVariables } from './variable-extraction';

interface FixtureCase {
  name: string;
  template: string;
  context: Record<string, unknown>;
}

type GoldenResult = { name: string; output: string } | { name: string; error: string };

const fixtures = new URL('../../fixtures/', import.meta.url);
const cases = (JSON.parse(readFileSync(new URL('cases.json', fixtures), 'utf8')) as FixtureCase[]).filter((fixture) =>
  fixture.name.startsWith('undefined rule: '),
);
const golden = new Map(
  (JSON.parse(readFileSync(new URL('golden.json', fixtures), 'utf8')) as { results: GoldenResult[] }).results.map((result) => [result.name, result]),
);

/** True when `path` (`user.name`) is missing from the context but everything above it is there. */
function firstMissing(path: string, context: Record<string, unknown>): boolean {
  const parts = path.split('.');
  let value: unknown = context;
  for (const [index, part] of parts.entries()) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return index === parts.length - 1;
    value = (value as Record<string, unknown>)[part];
  }
  return false;
}

/*
 * Extraction and rendering follow one rule for absent variables, and Jinja2 3.1.6 (with the
 * golden fixtures' GuardedUndefined) is the judge: a template renders without a variable exactly
 * when extraction calls every missing variable optional.
 */
describe('one rule for undefined variables', () => {
  it('has cases to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    const result = golden.get(fixture.name);
    if (!result) throw new Error(`missing golden result for ${fixture.name}`);
    const missing = extractVariables(fixture.template).filter((variable) => firstMissing(variable.path, fixture.context));
    expect(missing.length, 'the case leaves a variable out').toBeGreaterThan(0);
    const required = missing.filter((variable) => !variable.optional).map((variable) => variable.path);
    if ('output' in result) {
      expect(required, `Jinja2 rendered "${result.output}"`).toEqual([]);
      return;
    }
    expect(required.length, `Jinja2 failed with ${result.error}`).toBeGreaterThan(0);
    const named = /^UndefinedError: '([^']+)' is undefined$/.exec(result.error)?.[1];
    if (named) expect(required).toContain(named);
  });
});
