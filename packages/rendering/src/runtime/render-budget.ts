import { PromptRenderError } from '@promptops/errors';
import type { RenderLimits } from './render-limits';

type BudgetLimits = Pick<RenderLimits, 'timeoutMs' | 'maxOutputChars' | 'maxRangeSize' | 'maxLoopIterations' | 'maxRecursionDepth'>;

/** How often (in charged units) the wall clock is consulted; Date.now() is not free. */
const CLOCK_CHECK_INTERVAL = 4096;

function limitExceeded(message: string, limit: string): never {
  throw new PromptRenderError(message, { kind: 'limit', limit });
}

/**
 * Per-render accounting of the sandbox limits, so hostile templates fail fast with a precise
 * message; the worker-level timeout remains the backstop for anything not charged here.
 */
export class RenderBudget {
  private iterations = 0;
  private depth = 0;
  private uncheckedWork = 0;
  private readonly deadline: number;

  constructor(readonly limits: BudgetLimits) {
    this.deadline = Date.now() + limits.timeoutMs;
  }

  chargeIterations(count: number): void {
    this.iterations += count;
    if (this.iterations > this.limits.maxLoopIterations) {
      limitExceeded(`Template exceeded the limit of ${this.limits.maxLoopIterations} loop iterations`, 'maxLoopIterations');
    }
    this.uncheckedWork += count;
    if (this.uncheckedWork >= CLOCK_CHECK_INTERVAL) {
      this.uncheckedWork = 0;
      this.checkDeadline();
    }
  }

  checkDeadline(): void {
    if (Date.now() > this.deadline) {
      limitExceeded(`Template rendering timed out after ${this.limits.timeoutMs} ms`, 'timeoutMs');
    }
  }

  /** Rejects strings (output, concatenations, repetitions) longer than maxOutputChars. */
  checkStringLength(length: number): void {
    if (length > this.limits.maxOutputChars) {
      limitExceeded(`Template output exceeded the limit of ${this.limits.maxOutputChars} characters`, 'maxOutputChars');
    }
  }

  /** Lists and dicts grown by templates (`append`, `update`, `+`, `*`) share the output size limit. */
  checkContainerSize(size: number): void {
    if (size > this.limits.maxOutputChars) {
      limitExceeded(`Template exceeded the limit of ${this.limits.maxOutputChars} items in a list or dict`, 'maxOutputChars');
    }
  }

  checkRangeSize(size: number): void {
    if (size > this.limits.maxRangeSize) {
      limitExceeded(`Range too big: the sandbox blocks ranges larger than ${this.limits.maxRangeSize} items`, 'maxRangeSize');
    }
    this.chargeIterations(size);
  }

  enterCall(): void {
    this.depth += 1;
    if (this.depth > this.limits.maxRecursionDepth) {
      limitExceeded(`Template exceeded the maximum recursion depth of ${this.limits.maxRecursionDepth}`, 'maxRecursionDepth');
    }
  }

  exitCall(): void {
    this.depth -= 1;
  }
}

let activeBudget: RenderBudget | undefined;

/** Renders are synchronous, so the budget of the render in progress can be ambient. */
export function withBudget<T>(budget: RenderBudget, run: () => T): T {
  const previous = activeBudget;
  activeBudget = budget;
  try {
    return run();
  } finally {
    activeBudget = previous;
  }
}

/** For code that also runs outside renders (error messages): checks only while rendering. */
export function checkStringLengthWhileRendering(length: number): void {
  activeBudget?.checkStringLength(length);
}

export function currentBudget(): RenderBudget {
  if (!activeBudget) throw new Error('No render in progress');
  return activeBudget;
}
