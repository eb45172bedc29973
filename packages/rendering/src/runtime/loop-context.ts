import { currentBudget } from './render-budget';
import { MISSING, TemplateCallable, TemplateObject, UndefinedValue, pyEquals, pythonError } from '../python/python-values';

/** Jinja2's `loop` variable; `recurse` renders the loop body again for `loop(children)`. */
export class LoopContext extends TemplateObject {
  index0 = -1;
  private lastChangedValue: unknown = MISSING;

  constructor(
    private readonly items: unknown[],
    readonly depth0: number,
    private readonly recurse: ((items: unknown) => string) | null,
  ) {
    super();
  }

  get length(): number {
    return this.items.length;
  }

  get index(): number {
    return this.index0 + 1;
  }

  describe(): string {
    return 'LoopContext';
  }

  templateAttribute(name: string): unknown {
    switch (name) {
      case 'index':
        return this.index;
      case 'index0':
        return this.index0;
      case 'revindex':
        return this.length - this.index0;
      case 'revindex0':
        return this.length - this.index;
      case 'first':
        return this.index0 === 0;
      case 'last':
        return this.index0 === this.length - 1;
      case 'length':
        return this.length;
      case 'depth':
        return this.depth0 + 1;
      case 'depth0':
        return this.depth0;
      case 'previtem':
        return this.index0 > 0 ? this.items[this.index0 - 1] : new UndefinedValue('loop.previtem', 'there is no previous item');
      case 'nextitem':
        return this.index0 < this.length - 1 ? this.items[this.index0 + 1] : new UndefinedValue('loop.nextitem', 'there is no next item');
      case 'cycle':
        return new TemplateCallable('cycle', ({ positional }) => {
          if (positional.length === 0) pythonError('TypeError', 'no items for cycling given');
          return positional[this.index0 % positional.length];
        });
      case 'changed':
        return new TemplateCallable('changed', ({ positional }) => {
          const changed = this.lastChangedValue === MISSING || !pyEquals(this.lastChangedValue, positional);
          this.lastChangedValue = positional;
          return changed;
        });
      default:
        return MISSING;
    }
  }

  /** Calling `loop(items)` inside a `recursive` loop renders the body for the nested items. */
  asCallable(): TemplateCallable | null {
    const recurse = this.recurse;
    if (!recurse) return null;
    return new TemplateCallable('loop', ({ positional }) => {
      currentBudget().enterCall();
      try {
        return recurse(positional[0]);
      } finally {
        currentBudget().exitCall();
      }
    });
  }
}
