import { PromptRenderError } from '@promptops/errors';

export interface RenderLimits {
  /** Wall-clock budget of one render; the worker running it is replaced when exceeded. */
  timeoutMs: number;
  /**
   * Wall-clock budget of parsing and analysing one template (syntax check, variables). Both take
   * time linear in the source, well under a second at the 100 KB prompt limit; the budget only
   * stops a worker stuck on a parser defect, so it is kept well clear of a busy machine's pauses.
   */
  analysisTimeoutMs: number;
  /** Longest string a render may produce, in the output or in any intermediate value. */
  maxOutputChars: number;
  /** Largest `range()`; Jinja2's sandbox uses the same MAX_RANGE. */
  maxRangeSize: number;
  /** Loop iterations plus items produced by range and sequence filters, per render. */
  maxLoopIterations: number;
  /** Nesting of macro calls and recursive loops. */
  maxRecursionDepth: number;
  /** Worker threads in the render pool. */
  maxThreads: number;
  /** Compiled templates kept per worker. */
  cacheSize: number;
}

export const DEFAULT_RENDER_LIMITS: Readonly<RenderLimits> = Object.freeze({
  timeoutMs: 1000,
  analysisTimeoutMs: 10_000,
  maxOutputChars: 1_000_000,
  maxRangeSize: 100_000,
  maxLoopIterations: 1_000_000,
  maxRecursionDepth: 100,
  maxThreads: 2,
  cacheSize: 500,
});

/** Merges options over the defaults, rejecting anything that is not a positive integer. */
export function resolveRenderLimits(options: Partial<RenderLimits> = {}): RenderLimits {
  const limits: RenderLimits = { ...DEFAULT_RENDER_LIMITS };
  for (const key of Object.keys(DEFAULT_RENDER_LIMITS) as (keyof RenderLimits)[]) {
    const value = options[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new PromptRenderError(`Invalid render limit ${key}: expected a positive integer`, {
        kind: 'configuration',
        option: key,
      });
    }
    limits[key] = value;
  }
  return limits;
}
