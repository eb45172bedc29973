import { PromptRenderError } from '@promptops/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PromptRenderer, checkTemplateSyntax, createPromptRenderer, extractVariables } from '../index';

/**
 * Hostile templates. Each payload that could run code tries to set `globalThis.__pwned`;
 * after the suite, both the main thread and every worker must still have pristine
 * prototypes and globals. Each payload must fail with PromptRenderError or render harmlessly.
 */
const PWN = '"globalThis.__pwned = 1; return process"';

const CODE_EXECUTION: string[] = [
  `{{ range.constructor(${PWN})() }}`,
  `{{ cycler.constructor(${PWN})() }}`,
  `{{ joiner.constructor(${PWN})() }}`,
  `{{ namespace.constructor(${PWN})() }}`,
  `{{ lipsum.constructor(${PWN})() }}`,
  `{{ dict.constructor(${PWN})() }}`,
  `{{ ''.constructor.constructor(${PWN})() }}`,
  `{{ [].constructor.constructor(${PWN})() }}`,
  `{{ {}.constructor.constructor(${PWN})() }}`,
  `{{ (1).constructor.constructor(${PWN})() }}`,
  `{{ (1.5).constructor }}{{ true.constructor }}{{ none.constructor }}`,
  `{{ ''.upper.constructor(${PWN})() }}`,
  `{{ {}.items.constructor(${PWN})() }}`,
  `{% for x in [1] %}{{ loop.constructor.constructor(${PWN})() }}{% endfor %}`,
  `{% for x in [1] %}{{ loop.cycle.constructor(${PWN})() }}{% endfor %}`,
  `{% macro m() %}{{ caller.constructor(${PWN})() }}{% endmacro %}{% call m() %}x{% endcall %}`,
  `{% macro m() %}{% endmacro %}{{ m.constructor(${PWN})() }}`,
  `{% set c = cycler(1) %}{{ c.next.constructor(${PWN})() }}`,
  `{% set ns = namespace() %}{{ ns.constructor }}{{ ns.attributes }}{{ ns.templateAttribute }}`,
  `{{ x['con' ~ 'structor']['con' ~ 'structor'](${PWN})() }}`,
  `{{ x['__proto__'] }}{{ x.__proto__ }}{{ x['prototype'] }}{{ x.__defineGetter__ }}{{ x.valueOf() }}`,
  `{{ ''['constructor'] }}{{ ''.__proto__ }}{{ [].__proto__ }}{{ [].push }}{{ ''.at }}{{ ''.localeCompare }}`,
  `{{ process }}{{ require('fs') }}{{ globalThis }}{{ import }}{{ Function }}{{ this }}`,
  `{{ (''|attr('constructor'))(${PWN}) }}`,
  `{{ range|attr('constructor') }}`,
  `{{ upper }}{{ filters }}{{ self }}{{ environment }}`,
  `{{ [x]|map(attribute='constructor')|list }}`,
  `{{ [x]|map(attribute='__proto__.constructor')|list }}`,
  `{{ [x]|selectattr('__proto__')|list }}`,
  `{{ [x, x]|sort(attribute='constructor.name')|list }}`,
  `{{ [x]|groupby('constructor')|list }}`,
  `{{ [x]|sum(attribute='constructor') }}`,
  `{{ [x]|map('attr', 'constructor')|list }}`,
  `{{ [x]|join(attribute='constructor') }}`,
  `{{ [x]|unique(attribute='__proto__')|list }}`,
  `{{ [x]|rejectattr('constructor.prototype')|list }}`,
  `{{ '{0.__class__}'.format(x) }}{{ '{0.constructor}'.format('') }}`,
  `{{ '%(constructor)s' % x }}`,
  `{{ r/(a+)+$/ }}`,
];

const PROTOTYPE_WRITES: string[] = [
  `{% set x = namespace() %}{% set x.__proto__ = {'polluted': 1} %}{{ {}.polluted }}`,
  `{% set ns = namespace() %}{% set ns.constructor = 1 %}{{ ns.constructor }}`,
  `{% set ns = namespace() %}{% set ns.__proto__.polluted = 1 %}`,
  `{% set d = {} %}{% set d.__proto__ = 1 %}`,
  `{% set x.__proto__.polluted = 1 %}`,
  `{% set __proto__ = {'polluted': 1} %}{{ __proto__ }}`,
  `{% set constructor = 1 %}{{ constructor }}{% set toString = 2 %}{{ toString }}`,
  `{{ dict(__proto__={'polluted': 1}) }}{{ namespace(__proto__=1) }}`,
  `{{ {'__proto__': {'polluted': 1}} }}{{ {}.polluted }}`,
  `{% set d = {} %}{% do d.update({'__proto__': {'polluted': 1}}) %}{% do d.setdefault('constructor', 1) %}{{ d }}{{ {}.polluted }}`,
  `{% set xs = [] %}{% do xs.append(xs.append) %}{% do xs.extend([].constructor) %}{{ xs }}`,
  `{% do {}.update.constructor(${PWN})() %}{% do [].pop.constructor(${PWN})() %}`,
  `{% set xs = [] %}{% do xs.sort(key=xs.append.constructor) %}{% do xs.insert(0, xs.__proto__) %}{{ xs }}`,
];

function expectHarmless(outcome: PromiseSettledResult<string>): void {
  if (outcome.status === 'rejected') {
    expect(outcome.reason).toBeInstanceOf(PromptRenderError);
    return;
  }
  expect(outcome.value).not.toMatch(/native code|function|process|\[object|pwned/i);
}

let renderer: PromptRenderer;
/** Its clock is out of the way, so each blow-up must be stopped by the limit it attacks, however loaded the machine. */
let unhurriedRenderer: PromptRenderer;
/** A quadratic algorithm on the linear-time inputs below takes minutes; a linear one, well under a second. */
const LINEAR_TIME_BUDGET_MS = 20_000;
const hostileContext = JSON.parse('{"x": {"name": "n", "__proto__": {"polluted": 1}, "constructor": "c"}}');

beforeAll(() => {
  renderer = createPromptRenderer({ maxThreads: 2 });
  unhurriedRenderer = createPromptRenderer({ maxThreads: 1, timeoutMs: 60_000 });
});

afterAll(async () => {
  await Promise.all([renderer.close(), unhurriedRenderer.close()]);
});

describe('sandbox', () => {
  it.each(CODE_EXECUTION)('blocks code execution: %s', async (payload) => {
    // The second render of a straight-line payload runs in the main thread: it must fare the same.
    const outcomes: PromiseSettledResult<string>[] = [];
    for (let round = 0; round < 2; round++) outcomes.push(...(await Promise.allSettled([renderer.render(payload, hostileContext)])));
    for (const outcome of outcomes) expectHarmless(outcome);
    const [first, second] = outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : (outcome.reason as Error).message));
    expect(second).toBe(first);
  });

  it.each(PROTOTYPE_WRITES)('blocks prototype writes: %s', async (payload) => {
    const [outcome] = await Promise.allSettled([renderer.render(payload, hostileContext)]);
    expectHarmless(outcome as PromiseSettledResult<string>);
    expect(await renderer.render('{{ {}.polluted is defined }}', {})).toBe('False');
  });

  it('serves own data properties only, even for keys named like JS internals', async () => {
    const output = await renderer.render('{{ x.constructor }} {{ x["__proto__"] }} {{ x.name }}', hostileContext);
    expect(output).toBe("c {'polluted': 1} n");
  });

  it('rejects include, import, from and extends without touching the file system', async () => {
    for (const payload of [
      "{% include '/etc/passwd' %}",
      "{% import '/etc/passwd' as p %}",
      "{% from '/etc/passwd' import x %}",
      "{% extends '/etc/passwd' %}",
      "{% include '../../package.json' ignore missing %}",
    ]) {
      await expect(renderer.render(payload, {})).rejects.toThrow(/not supported/);
    }
  });

  it.each([
    ['huge range', '{{ range(10**9)|length }}', /Range too big/],
    ['range above MAX_RANGE', '{{ range(100001)|length }}', /Range too big/],
    ['nested loops', '{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}', /loop iterations/],
    ['string repetition', "{{ 'a' * 10**9 }}", /characters/],
    ['list repetition', '{{ [1] * 10**9 }}', /characters/],
    ['concatenation doubling', "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", /characters/],
    ['output flood', '{% for i in range(100000) %}{{ "x" * 100 }}{% endfor %}', /characters/],
    ['padding blow-up', "{{ 'x'|center(10**9) }}{{ '%999999999d'|format(1) }}", /characters/],
    ['format width blow-up', "{{ '{:>999999999}'.format(1) }}", /characters/],
    ['indent blow-up', "{{ 'a\\nb'|indent(10**9) }}", /characters/],
    ['replace blow-up', "{{ ('a' * 100000)|replace('a', 'b' * 100000) }}", /characters/],
    ['nested repr blow-up', '{% set a = range(1000)|list %}{% set b = [a] * 1000 %}{{ [b] * 1000 }}', /characters/],
    ['macro recursion', '{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}', /recursion depth/],
    ['recursive loop', '{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}', /recursion depth/],
    ['deep expression nesting', `{{ ${'('.repeat(5000)}1${')'.repeat(5000)} }}`, /nest/],
    ['deep data nesting', '{% set ns = namespace(x=[]) %}{% for i in range(50000) %}{% set ns.x = [ns.x] %}{% endfor %}{{ ns.x }}', /nesting depth|characters/],
    ['list doubling', '{% set xs = [1] %}{% for i in range(64) %}{% do xs.extend(xs) %}{% endfor %}', /loop iterations|items/],
    [
      'appending in nested loops',
      '{% set xs = [] %}{% for i in range(100000) %}{% for j in range(100) %}{% do xs.append(j) %}{% endfor %}{% endfor %}',
      /loop iterations|items/,
    ],
    ['inserting at the front', '{% set xs = [] %}{% for i in range(100000) %}{% do xs.insert(0, i) %}{% endfor %}', /loop iterations/],
    ['dict growth', '{% set d = {} %}{% for i in range(100000) %}{% do d.update({i: i}) %}{% do d.update(d) %}{% endfor %}', /loop iterations|items/],
    ['copying in a loop', '{% set xs = range(100000)|list %}{% for i in range(1000) %}{% do xs.copy() %}{% endfor %}', /loop iterations/],
    ['appending large strings', "{% set xs = [] %}{% for i in range(2000) %}{% do xs.append(('x' * 900000 ~ i)|upper) %}{% endfor %}", /memory|timed out/],
    ['precision blow-up', "{{ '%.999999999f' % 1.5 }}{{ '{:.999999999e}'.format(1.5) }}", /characters/],
    ['json indentation blow-up', "{{ [[[[[1]]]]]|tojson(indent='x' * 999999) }}", /characters/],
  ])('bounds %s', async (_name, payload, message) => {
    await expect(unhurriedRenderer.render(payload, {})).rejects.toThrow(message);
  });

  // The inputs below are sized so that a quadratic algorithm needs minutes: finishing within the
  // test's timeout shows linear time without a wall-clock bound that a busy machine could break.
  it('keeps linear time on ReDoS-shaped input to urlize and str.format', { timeout: LINEAR_TIME_BUDGET_MS }, async () => {
    const words = [`a${'('.repeat(50_000)}${')'.repeat(50_000)}`, `a@${'b.'.repeat(50_000)}!`, `www.${'a.'.repeat(50_000)}!`, `${')'.repeat(50_000)}x)`];
    const output = await unhurriedRenderer.render('{{ words|join(" ")|urlize|length }} {{ ("{{" * 50000 ~ "{:{}}" ~ "}}" * 50000).format(1, 2)|length }}', {
      words,
    });
    expect(output).toMatch(/^\d+ \d+$/);
  });

  it('keeps linear time on ReDoS-shaped input to parsing filters and methods', { timeout: LINEAR_TIME_BUDGET_MS }, async () => {
    const output = await unhurriedRenderer.render(
      "{{ (('1' * 200000) ~ 'x')|float }} {{ ((' ' * 200000) ~ 'x' ~ (' ' * 200000))|trim|length }} " +
        "{{ ('<!--' * 100000)|striptags|length }} {{ ((' ' * 200000) ~ 'x')|wordcount }} {{ (('a ' * 100000) ~ '!').split()|length }}",
      {},
    );
    expect(output).toBe('0.0 1 400000 1 100001');
  });

  it.each([
    ['unterminated raw block', `{% raw %}${'a'.repeat(200_000)}`],
    ['whitespace before a trimming tag', `${' '.repeat(200_000)}x${' '.repeat(200_000)}{%- if 1 %}{% endif %}`],
    ['deeply chained filters', `{{ x${'|upper'.repeat(50_000)} }}`],
    ['deeply nested blocks', '{% if x %}'.repeat(20_000)],
    ['long number literal', `{{ ${'1_'.repeat(100_000)}1 }}`],
    ['string full of escapes', `{{ '${'\\x41\\u00e9'.repeat(50_000)}' }}`],
    ['unterminated string', `{{ '${'a'.repeat(200_000)}`],
    ['unbalanced braces', `{{ ${'{'.repeat(100_000)}`],
  ])('parses hostile sources on the main thread in linear time: %s', { timeout: LINEAR_TIME_BUDGET_MS }, (_name, source) => {
    for (const analyse of [checkTemplateSyntax, extractVariables]) {
      try {
        analyse(source);
      } catch (error) {
        expect(error).toBeInstanceOf(PromptRenderError);
      }
    }
  });

  it('left no trace in the workers or the main thread', async () => {
    expect(await renderer.probeSandbox()).toBe(true);
    expect('__pwned' in globalThis).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
      Object.getOwnPropertyNames(Object.getPrototypeOf(Object.create(Object.prototype))).sort(),
    );
  });
});
