import { parentPort } from 'node:worker_threads';
import { PromptRenderError } from '@promptops/errors';
import { CompiledTemplateCache } from './compile-template';
import type { RenderLimits } from './render-limits';
import { renderCompiledTemplate } from './render-template';

export type WorkerLimits = Pick<
  RenderLimits,
  'timeoutMs' | 'maxOutputChars' | 'maxRangeSize' | 'maxLoopIterations' | 'maxRecursionDepth' | 'cacheSize'
>;

/** Renders every source with the same context (a template's system and user prompts in one hop). */
export interface RenderTask {
  kind: 'render';
  /** Posted back when the task starts, so the parent's timeout excludes queueing. */
  id: number;
  sources: string[];
  context: Record<string, unknown>;
  limits: WorkerLimits;
}

/** Test-only: reports whether anything in this worker touched shared prototypes or globals. */
export interface ProbeTask {
  kind: 'probe';
}

export type RenderTaskResult =
  | { ok: true; outputs: string[] }
  | { ok: false; message: string; details: unknown }
  | { ok: true; sandboxIntact: boolean };

const cache = new CompiledTemplateCache(500);

const PROTECTED_PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Map.prototype];
const prototypeSnapshot = PROTECTED_PROTOTYPES.map((prototype) => Reflect.ownKeys(prototype).length);
const globalSnapshot = Reflect.ownKeys(globalThis).length;

function sandboxIntact(): boolean {
  const prototypesUnchanged = PROTECTED_PROTOTYPES.every(
    (prototype, index) => Reflect.ownKeys(prototype).length === prototypeSnapshot[index],
  );
  return prototypesUnchanged && Reflect.ownKeys(globalThis).length === globalSnapshot && !('__pwned' in globalThis);
}

function render(task: RenderTask): RenderTaskResult {
  parentPort?.postMessage({ renderStarted: task.id });
  try {
    cache.resize(task.limits.cacheSize);
    const outputs = task.sources.map((source) => renderCompiledTemplate(cache.compile(source), task.context, task.limits));
    return { ok: true, outputs };
  } catch (error) {
    const failure =
      error instanceof PromptRenderError
        ? error
        : new PromptRenderError(`Template rendering failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, message: failure.message, details: failure.details };
  }
}

/** Piscina task handler; errors travel back as data because class identity does not survive the thread hop. */
export function handleTask(task: RenderTask | ProbeTask): RenderTaskResult {
  return task.kind === 'probe' ? { ok: true, sandboxIntact: sandboxIntact() } : render(task);
}
