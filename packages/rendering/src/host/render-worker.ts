import { parentPort } from 'node:worker_threads';
import { workerData } from 'piscina';
import { isStraightLine } from '../parse/compile-template';
import { createCompileCache } from './compile-cache';
import type { RenderLimits } from '../runtime/render-limits';
import { renderCompiledTemplate, toRenderError } from '../runtime/render-template';
import { type TemplateAnalysis, analyseTemplate, promptVariables } from '../analysis/template-analysis';
import type { TemplateVariable } from '../analysis/variable-extraction';
import type { TemplateNode } from '../parse/template-node';

export type WorkerLimits = Pick<RenderLimits, 'timeoutMs' | 'maxOutputChars' | 'maxRangeSize' | 'maxLoopIterations' | 'maxRecursionDepth'>;

/** What the pool hands every worker when it starts one (piscina's `workerData`). */
export interface RenderWorkerData {
  cacheSize: number;
}

/** Renders every source with the same context (a template's system and user prompts in one hop). */
export interface RenderTask {
  kind: 'render';
  /** Posted back when the task starts, so the parent's timeout excludes queueing. */
  id: number;
  sources: string[];
  /** The context as JSON text (a JSON object), parsed here. */
  contextJson: string;
  limits: WorkerLimits;
}

/**
 * Parses sources and, when `variables` is set, analyses them as one template (see
 * analyseTemplate). Large templates take long enough to parse that the API's thread must not.
 */
export interface AnalyseTask {
  kind: 'analyse';
  id: number;
  sources: string[];
  variables: boolean;
}

/** Test-only: reports whether anything in this worker touched shared prototypes or globals. */
export interface ProbeTask {
  kind: 'probe';
}

export type RenderTaskResult =
  | { ok: true; outputs: string[]; straightLine: boolean[] }
  | { ok: false; message: string; details: unknown; straightLine?: boolean[] }
  | { ok: true; sandboxIntact: boolean };

/**
 * The analysis travels as JSON text (a TemplateAnalysis): one string costs the receiving thread a
 * copy, where the object graph of a large template's variables (hundreds of KB as JSON) costs it a
 * structured clone and its garbage; callers that only pass it on then serialise nothing again.
 */
export type AnalyseTaskResult = { ok: true; analysisJson: string | null } | { ok: false; message: string; details: unknown };

const compile = createCompileCache((workerData as RenderWorkerData).cacheSize);

const PROTECTED_PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Map.prototype];
const prototypeSnapshot = PROTECTED_PROTOTYPES.map((prototype) => Reflect.ownKeys(prototype).length);
const globalSnapshot = Reflect.ownKeys(globalThis).length;

function sandboxIntact(): boolean {
  const prototypesUnchanged = PROTECTED_PROTOTYPES.every((prototype, index) => Reflect.ownKeys(prototype).length === prototypeSnapshot[index]);
  return prototypesUnchanged && Reflect.ownKeys(globalThis).length === globalSnapshot && !('__pwned' in globalThis);
}

/** Verdicts per compiled template: the cache hands back the same root for the same source. */
const verdicts = new WeakMap<TemplateNode, boolean>();

function straightLineVerdict(root: TemplateNode): boolean {
  let verdict = verdicts.get(root);
  if (verdict === undefined) {
    verdict = isStraightLine(root);
    verdicts.set(root, verdict);
  }
  return verdict;
}

function render(task: RenderTask): RenderTaskResult {
  parentPort?.postMessage({ renderStarted: task.id });
  let roots: TemplateNode[];
  try {
    roots = task.sources.map(compile);
  } catch (error) {
    const failure = toRenderError(error);
    return { ok: false, message: failure.message, details: failure.details };
  }
  // The verdict travels back with failures too: a template that often misses a variable is no less safe.
  const straightLine = roots.map(straightLineVerdict);
  try {
    const context = JSON.parse(task.contextJson) as Record<string, unknown>;
    return { ok: true, outputs: roots.map((root) => renderCompiledTemplate(root, context, task.limits)), straightLine };
  } catch (error) {
    const failure = toRenderError(error);
    return { ok: false, message: failure.message, details: failure.details, straightLine };
  }
}

function analyse(task: AnalyseTask): AnalyseTaskResult {
  parentPort?.postMessage({ renderStarted: task.id });
  const perPrompt: TemplateVariable[][] = [];
  try {
    for (const source of task.sources) {
      const root = compile(source);
      if (task.variables) perPrompt.push(promptVariables(root));
    }
  } catch (error) {
    const failure = toRenderError(error);
    return { ok: false, message: failure.message, details: failure.details };
  }
  return { ok: true, analysisJson: task.variables ? JSON.stringify(analyseTemplate(perPrompt) satisfies TemplateAnalysis) : null };
}

/** Piscina task handler; errors travel back as data because class identity does not survive the thread hop. */
export function handleTask(task: RenderTask | AnalyseTask | ProbeTask): RenderTaskResult | AnalyseTaskResult {
  if (task.kind === 'probe') return { ok: true, sandboxIntact: sandboxIntact() };
  return task.kind === 'analyse' ? analyse(task) : render(task);
}
