import { currentBudget } from './render-budget';
import { MISSING } from '../python/python-values';

/** A variable scope; `for` bodies, macros and captures get child scopes, as in Jinja2. */
export class Scope {
  private readonly variables = new Map<string, unknown>();

  constructor(private readonly parent: Scope | null) {}

  lookup(name: string): unknown {
    for (let scope: Scope | null = this; scope; scope = scope.parent) {
      if (scope.variables.has(name)) return scope.variables.get(name);
    }
    return MISSING;
  }

  set(name: string, value: unknown): void {
    this.variables.set(name, value);
  }

  child(): Scope {
    return new Scope(this);
  }
}

/** Collects rendered text, enforcing maxOutputChars on every buffer, including captures. */
export class OutputBuffer {
  private readonly parts: string[] = [];
  private length = 0;

  write(text: string): void {
    if (text === '') return;
    this.length += text.length;
    currentBudget().checkStringLength(this.length);
    this.parts.push(text);
  }

  toString(): string {
    return this.parts.join('');
  }
}
