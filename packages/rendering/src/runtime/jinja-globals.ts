import { currentBudget } from './render-budget';
import {
  type CallArguments,
  MISSING,
  Namespace,
  TemplateCallable,
  TemplateObject,
  ensureDefined,
  isInt,
  isNumeric,
  numericValue,
  pyTypeName,
  pythonError,
} from '../python/python-values';
import { pyStr } from '../python/python-repr';

function integerArgument(value: unknown): number {
  ensureDefined(value);
  if (!isNumeric(value) || !isInt(numericValue(value))) {
    pythonError('TypeError', `'${pyTypeName(value)}' object cannot be interpreted as an integer`);
  }
  return numericValue(value);
}

/** Python's `range`, materialised as a list and bounded by maxRangeSize. */
function range({ positional }: CallArguments): number[] {
  const [first, second, third] = positional.map(integerArgument);
  if (first === undefined) return pythonError('TypeError', 'range expected at least 1 argument, got 0');
  const [start, stop, step] = second === undefined ? [0, first, 1] : [first, second, third ?? 1];
  if (step === 0) pythonError('ValueError', 'range() arg 3 must not be zero');
  const size = Math.max(0, Math.ceil((stop - start) / step));
  currentBudget().checkRangeSize(size);
  return Array.from({ length: size }, (_, index) => start + index * step);
}

function dict({ positional, keywords }: CallArguments): Map<unknown, unknown> {
  const source = positional[0];
  const result = source instanceof Map ? new Map(source) : new Map<unknown, unknown>();
  for (const [key, value] of keywords) result.set(key, value);
  return result;
}

function namespace({ positional, keywords }: CallArguments): Namespace {
  const created = new Namespace();
  const source = positional[0];
  if (source instanceof Map) for (const [key, value] of source) created.attributes.set(String(key), value);
  for (const [key, value] of keywords) created.attributes.set(key, value);
  return created;
}

class Cycler extends TemplateObject {
  private position = 0;

  constructor(private readonly items: unknown[]) {
    super();
  }

  describe(): string {
    return 'Cycler';
  }

  templateAttribute(name: string): unknown {
    switch (name) {
      case 'current':
        return this.items[this.position];
      case 'next':
        return new TemplateCallable('next', () => {
          const item = this.items[this.position];
          this.position = (this.position + 1) % this.items.length;
          return item;
        });
      case 'reset':
        return new TemplateCallable('reset', () => {
          this.position = 0;
          return null;
        });
      default:
        return MISSING;
    }
  }
}

function joiner({ positional, keywords }: CallArguments): TemplateCallable {
  const separator = pyStr(positional[0] ?? keywords.get('sep') ?? ', ');
  let used = false;
  return new TemplateCallable('joiner', () => {
    if (!used) {
      used = true;
      return '';
    }
    return separator;
  });
}

const LOREM_WORDS = (
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et ' +
  'dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea ' +
  'commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur'
).split(' ');

/** Jinja2's lipsum is random; this one is deterministic so renders stay reproducible. */
function lipsum({ positional, keywords }: CallArguments): string {
  const paragraphs = Math.min(integerArgument(positional[0] ?? keywords.get('n') ?? 5), 100);
  const html = positional[1] ?? keywords.get('html') ?? true;
  const words = Math.min(integerArgument(positional[2] ?? keywords.get('min') ?? 20), 1000);
  const texts = Array.from({ length: paragraphs }, (_, paragraph) => {
    const sentence = Array.from({ length: words }, (_, index) => LOREM_WORDS[(paragraph * 7 + index) % LOREM_WORDS.length]);
    const text = `${sentence.join(' ')}.`;
    return text.charAt(0).toUpperCase() + text.slice(1);
  });
  return html === false ? texts.join('\n\n') : texts.map((text) => `<p>${text}</p>`).join('\n');
}

/** The only functions visible to templates besides filters, tests and Python-method shims. */
export function createGlobals(): Map<string, unknown> {
  return new Map<string, unknown>([
    ['range', new TemplateCallable('range', range, 'type')],
    ['dict', new TemplateCallable('dict', dict, 'type')],
    ['namespace', new TemplateCallable('namespace', namespace, 'type')],
    ['cycler', new TemplateCallable('cycler', ({ positional }) => new Cycler(positional), 'type')],
    ['joiner', new TemplateCallable('joiner', joiner, 'type')],
    ['lipsum', new TemplateCallable('lipsum', lipsum, 'function')],
  ]);
}
