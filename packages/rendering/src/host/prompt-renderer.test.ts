import { PromptRenderError } from '@promptops/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RENDER_LIMITS, type PromptRenderer, checkTemplateSyntax, createPromptRenderer, extractVariables } from '../index';

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
      analysisTimeoutMs: 10_000,
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
    // `sort` compares (huge) equal lists item by item without charging the loop budget: only the pool's abort stops it.
    const hostile = '{% set big = range(100000)|list %}{{ ([big] * 5000)|sort|length }}';
    // Threads start on first use; with both started, the quick render need not wait for one to boot.
    await Promise.all([renderer.render('{% for x in [1] %}{{ x }}{% endfor %}', {}), renderer.render('{% for y in [2] %}{{ y }}{% endfor %}', {})]);
    let slowSettled = false;
    const slow = renderError(hostile).finally(() => {
      slowSettled = true;
    });
    const quick = await renderer.render('{{ "still responsive" }}', {});
    expect(quick).toBe('still responsive');
    // Served by the other worker meanwhile, not after the hostile render's time-out.
    expect(slowSettled).toBe(false);
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

/** The longest the event loop went without running a timer while `work` was pending. */
async function longestStall(work: Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work;
  } finally {
    clearInterval(ticker);
  }
  return Math.max(longest, performance.now() - last);
}

/** About 100 KB (the prompt size limit) of guards and dotted reads, which take a while to parse and analyse. */
const LARGE_TEMPLATE = Array.from({ length: 1850 }, (_, i) => `{% if v${i} %}{{ v${i}.a.b.c }} {{ w${i % 40}.x }}{% endif %}\n`).join('');

describe('PromptRenderer.checkSyntax and analyse', () => {
  it('accepts valid syntax and rejects invalid syntax with its location, parsed in a worker', async () => {
    await expect(renderer.checkSyntax('{% for x in xs %}{{ x|upper }}{% endfor %}')).resolves.toBeUndefined();
    const error = await renderer.checkSyntax('ok\n{% if x %}\n{{ x|nosuchfilter }}\n{% endif %}').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PromptRenderError);
    expect((error as PromptRenderError).details).toMatchObject({ kind: 'syntax', line: 3, column: 6 });
    await expect(renderer.checkSyntax('{% include "x" %}')).rejects.toThrow(/not supported/);
  });

  it('merges the variables of several prompts: optional only where optional everywhere, with one schema', async () => {
    const analysis = await renderer.analyse([
      '{% if user %}{{ user.name }}{% endif %}{{ tone|default("warm") }}',
      'Hi {{ user.name|title }}{% for d in docs %}{{ d.title }}{% endfor %}',
    ]);
    expect(analysis.variables).toEqual([
      { path: 'user', type_hint: 'object', optional: false },
      { path: 'user.name', type_hint: 'string', optional: false },
      { path: 'tone', type_hint: 'unknown', optional: true },
      { path: 'docs', type_hint: 'array', optional: false },
      { path: 'docs[].title', type_hint: 'unknown', optional: false },
    ]);
    expect(analysis.suggested_input_schema).toMatchObject({
      required: ['docs', 'user'],
      properties: { docs: { type: 'array', items: { properties: { title: {} } } }, user: { type: 'object' } },
    });
    await expect(renderer.analyse(['{{ broken ']).catch((caught: unknown) => caught)).resolves.toMatchObject({ details: { kind: 'syntax' } });
  });

  it('hands the analysis back as the JSON text the worker wrote, remembered per sources', async () => {
    const sources = ['{{ greeting }}', '{% for d in docs %}{{ d.title }}{% endfor %}'];
    const json = await renderer.analyseJson(sources);
    expect(JSON.parse(json)).toEqual(await renderer.analyse(sources));
    expect(await renderer.analyseJson([...sources])).toBe(json);
    await expect(renderer.analyseJson(['{{ broken '])).rejects.toMatchObject({ details: { kind: 'syntax' } });
  });

  it('leaves the event loop free while a 100 KB template is parsed and analysed', async () => {
    expect(LARGE_TEMPLATE.length).toBeGreaterThan(95_000);
    const analysing = renderer.analyse([LARGE_TEMPLATE]);
    const stall = await longestStall(analysing);
    const { variables } = await analysing;
    expect(variables).toHaveLength(1850 * 4 + 40 * 2);
    expect(variables.find((variable) => variable.path === 'v7.a.b.c')).toEqual({ path: 'v7.a.b.c', type_hint: 'unknown', optional: true });
    // The same work on this thread stalls it for all of its duration; off the thread, timers keep firing.
    const inline = await longestStall(Promise.resolve().then(() => extractVariables(LARGE_TEMPLATE)));
    expect(stall).toBeLessThan(inline);
  });

  it('hands results that arrive together back one per event-loop turn', async () => {
    const sources = ['{{ a }}', '{{ b }}', '{{ c }}', '{{ d }}'];
    await Promise.all(sources.map((source) => renderer.analyse([source]))); // parsed and cached: quick to answer
    const pending = sources.map((source) => renderer.analyse([source]));
    // Hold this thread while the workers answer, so their results wait for it together.
    const held = Date.now();
    while (Date.now() - held < 300) {
      // busy on purpose
    }
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const resumedAt = await Promise.all(pending.map((analysing) => analysing.then(() => turns)));
    counting = false;
    expect(new Set(resumedAt).size).toBe(sources.length);
  });

  it('gives up on an analysis past its budget, replacing the worker, and keeps serving', async () => {
    const impatient = createPromptRenderer({ maxThreads: 1, analysisTimeoutMs: 20 });
    try {
      const huge = LARGE_TEMPLATE.repeat(20);
      const error = await impatient.analyse([huge]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PromptRenderError);
      expect((error as PromptRenderError).message).toBe('Template analysis timed out after 20 ms');
      expect((error as PromptRenderError).details).toMatchObject({ kind: 'limit', limit: 'analysisTimeoutMs' });
      expect((await impatient.analyse(['{{ still }}'])).variables).toEqual([{ path: 'still', type_hint: 'unknown', optional: false }]);
    } finally {
      await impatient.close();
    }
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
