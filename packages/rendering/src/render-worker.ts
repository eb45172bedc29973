import type { MessagePort } from 'node:worker_threads';
import { PromptRenderError } from '@promptops/errors';
import { CompiledTemplateCache } from './compile-template';
import type { RenderLimits } from './render-limits';
import { renderCompiledTemplate } from './render-template';

export type WorkerLimits = Pick<
  RenderLimits,
  'timeoutMs' | 'maxOutputChars' | 'maxRangeSize' | 'maxLoopIterations' | 'maxRecursionDepth' | 'cacheSize'
>;

export interface RenderTask {
  kind: 'render';
  source: string;
  context: Record<string, unknown>;
  limits: WorkerLimits;
  /** Signalled when the worker starts the task, so the timeout excludes queueing. */
  startedPort?: MessagePort;
}

/** Test-only: reports whether anything in this worker touched shared prototypes or globals. */
export interface ProbeTask {
  kind: 'probe';
}

export type RenderTaskResult =
  | { ok: true; output: string }
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
  task.startedPort?.postMessage('started');
  task.startedPort?.close();
  try {
    cache.resize(task.limits.cacheSize);
    const output = renderCompiledTemplate(cache.compile(task.source), task.context, task.limits);
    return { ok: true, output };
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
