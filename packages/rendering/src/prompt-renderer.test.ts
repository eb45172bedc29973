import { PromptRenderError } from '@promptops/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RENDER_LIMITS, type PromptRenderer, checkTemplateSyntax, createPromptRenderer } from './index';

let renderer: PromptRenderer;

beforeAll(() => {
  renderer = createPromptRenderer({ timeoutMs: 500, maxLoopIterations: 1_000_000_000 });
});

afterAll(async () => {
  await renderer.close();
});

async function renderError(source: string, context: Record<string, unknown> = {}): Promise<PromptRenderError> {
  try {
    await renderer.render(source, context);
  } catch (error) {
    expect(error).toBeInstanceOf(PromptRenderError);
    return error as PromptRenderError;
  }
  throw new Error('expected the render to fail');
}

describe('createPromptRenderer', () => {
  it('documents its defaults', () => {
    expect(DEFAULT_RENDER_LIMITS).toEqual({
      timeoutMs: 1000,
      maxOutputChars: 1_000_000,
      maxRangeSize: 100_000,
      maxLoopIterations: 1_000_000,
      maxRecursionDepth: 100,
      maxThreads: 2,
      cacheSize: 500,
    });
  });

  it.each([{ timeoutMs: 0 }, { maxThreads: 1.5 }, { cacheSize: -1 }, { maxOutputChars: Number.NaN }])('rejects invalid options %o', (options) => {
    expect(() => createPromptRenderer(options)).toThrow(PromptRenderError);
  });
});

describe('PromptRenderer', () => {
  it('renders in a worker with Jinja2 semantics', async () => {
    expect(await renderer.render('Hi {{ user.name|title }}, {{ n / 2 }} {{ xs }}', { user: { name: 'ann lee' }, n: 3, xs: [1, 'a', true, null] })).toBe(
      "Hi Ann Lee, 1.5 [1, 'a', True, None]",
    );
  });

  it('renders both prompts of a pair', async () => {
    const prompts = { system_prompt: 'You are {{ role }}.', user_prompt_template: '{{ question|trim }}?' };
    expect(await renderer.renderPrompts(prompts, { role: 'terse', question: ' why ' })).toEqual({
      system_prompt: 'You are terse.',
      user_prompt: 'why?',
    });
  });

  it('names the missing variable', async () => {
    const missing = await renderError('Hello {{ user.name }}');
    expect(missing.message).toBe("'user' is undefined");
    expect(missing.details).toMatchObject({ kind: 'undefined', variable: 'user' });
    const missingAttribute = await renderError('Hello {{ user.name }}', { user: {} });
    expect(missingAttribute.message).toBe("'dict object' has no attribute 'name'");
    expect(missingAttribute.details).toMatchObject({ variable: 'user.name' });
  });

  it('reports syntax errors with line and column', async () => {
    const error = await renderError('line one\n{{ 1 + }}');
    expect(error.details).toMatchObject({ kind: 'syntax', line: 2 });
  });

  it('rejects contexts that are not JSON objects', async () => {
    await expect(renderer.render('x', [] as unknown as Record<string, unknown>)).rejects.toThrow(PromptRenderError);
    await expect(renderer.render('x', { n: 1n } as unknown as Record<string, unknown>)).rejects.toThrow(/JSON/);
  });

  it('times out a render that never yields, replaces the worker and keeps serving others', async () => {
    // `unique` hashes each (huge) item without charging the loop budget: only the pool's abort stops it.
    const hostile = '{% set big = range(100000)|list %}{{ ([big] * 5000)|unique|list|length }}';
    const started = Date.now();
    const slow = renderError(hostile);
    const quick = await renderer.render('{{ "still responsive" }}', {});
    expect(quick).toBe('still responsive');
    expect(Date.now() - started).toBeLessThan(400);
    const error = await slow;
    expect(error.message).toMatch(/timed out after 500 ms/);
    expect(error.details).toMatchObject({ kind: 'limit', limit: 'timeoutMs' });
    expect(await renderer.render('{{ 1 + 1 }}', {})).toBe('2');
  });

  it('renders a straight-line template in-process once a worker has vetted it, with the same results', async () => {
    const source = 'Dear {{ user.name }}, {{ xs }} {{ user.missing }}';
    const first = await renderError(source, { user: { name: 'Ann' }, xs: [1] });
    expect(await renderer.render('Dear {{ user.name }}, {{ xs }}', { user: { name: 'Ann' }, xs: [] })).toBe('Dear Ann, []');
    // Both threads spin on hostile loops; only a render that needs no thread can answer meanwhile.
    const busy = '{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}';
    const spinning = [renderError(busy), renderError(busy)];
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const again = await renderError(source, { user: { name: 'Bo' }, xs: [1] });
    expect(again.message).toBe(first.message);
    expect(await renderer.render('Dear {{ user.name }}, {{ xs }}', { user: { name: 'Bo' }, xs: [1, 'a', null] })).toBe("Dear Bo, [1, 'a', None]");
    expect(await renderer.render('Dear {{ user.name }}, {{ xs }}', { user: { name: 'Cy' }, xs: [] })).toBe('Dear Cy, []');
    expect(Date.now() - started).toBeLessThan(300);
    for (const error of await Promise.all(spinning)) expect(error.message).toMatch(/timed out/);
  });

  it('stops a busy loop at the in-worker deadline with a precise error', async () => {
    const error = await renderError('{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}');
    expect(error.message).toMatch(/timed out/);
  });

  it('keeps the main event loop free while workers spin', async () => {
    const spinning = renderError('{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}');
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Date.now() - started).toBeLessThan(200);
    await spinning;
  });

  it('fails after close', async () => {
    const closing = createPromptRenderer({ maxThreads: 1 });
    await closing.close();
    await expect(closing.render('x', {})).rejects.toThrow(/closed/);
  });
});

describe('checkTemplateSyntax', () => {
  it('accepts valid templates and rejects invalid ones with a location', () => {
    expect(() => checkTemplateSyntax('{% for x in xs %}{{ x|upper }}{% endfor %}')).not.toThrow();
    try {
      checkTemplateSyntax('ok\n{% if x %}\n{{ x|nosuchfilter }}\n{% endif %}');
      throw new Error('expected a syntax error');
    } catch (error) {
      expect(error).toBeInstanceOf(PromptRenderError);
      expect((error as PromptRenderError).details).toMatchObject({ kind: 'syntax', line: 3 });
    }
    expect(() => checkTemplateSyntax('{% if x %}')).toThrow(PromptRenderError);
    expect(() => checkTemplateSyntax('{% include "x" %}')).toThrow(/not supported/);
  });
});
