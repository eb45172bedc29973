import { PromptRenderError } from '@promptops/errors';
import { LRUCache } from 'lru-cache';
import { Piscina } from 'piscina';
import { compileTemplate } from '../parse/compile-template';
import { renderCompiledTemplate } from '../runtime/render-template';
import type { TemplateNode } from '../parse/template-node';
import { type RenderLimits, resolveRenderLimits } from '../runtime/render-limits';
import type { AnalyseTask, AnalyseTaskResult, ProbeTask, RenderTask, RenderTaskResult, RenderWorkerData } from './render-worker';
import type { TemplateAnalysis } from '../analysis/template-analysis';
import { createAnalysisCache } from './analysis-cache';
import { createOnePerTurn } from './one-per-turn';

export interface PromptPair {
  system_prompt: string;
  user_prompt_template: string;
}

export interface RenderedPrompts {
  system_prompt: string;
  user_prompt: string;
}

export interface PromptRenderer {
  /** Renders Jinja2 `source` with a JSON `context` in a sandboxed worker thread. */
  render(source: string, context: Record<string, unknown>): Promise<string>;
  renderPrompts(prompts: PromptPair, context: Record<string, unknown>): Promise<RenderedPrompts>;
  /** Parses `source` in a worker thread; throws PromptRenderError (line, column, reason) on bad syntax. */
  checkSyntax(source: string): Promise<void>;
  /** The variables `sources` read as one template, and a suggested input schema; parsed in a worker thread. */
  analyse(sources: string[]): Promise<TemplateAnalysis>;
  /**
   * The same analysis as JSON text, for callers that pass it on as it is: a large template's runs to
   * hundreds of KB, which this thread then neither parses nor serialises. Remembered per sources.
   */
  analyseJson(sources: string[]): Promise<string>;
  /** Test-only: true when no render has altered prototypes or globals in any worker asked. */
  probeSandbox(): Promise<boolean>;
  /** Terminates the worker pool; the renderer cannot be used afterwards. */
  close(): Promise<void>;
}

/** Lets the in-worker deadline report the precise error before the worker is killed. */
const ABORT_GRACE_MS = 150;
/**
 * Straight-line templates at most this long render on the calling thread (see below). Parsing one
 * takes well under a millisecond; a longer one is parsed in a worker every time, since the live
 * preview sends a new source on every keystroke and each would otherwise be parsed here.
 */
const INLINE_MAX_CHARS = 8_192;
/** Worker heap cap: a memory blow-up kills one worker, not the process. */
const WORKER_HEAP_MB = 256;
/** Analyses kept (as JSON text), in characters: some 40 of the largest templates', far more of usual ones. */
const ANALYSIS_CACHE_CHARS = 16_000_000;

const WORKER_ENTRY = new URL('./render-worker-entry.mjs', import.meta.url);

/**
 * The context as JSON text: what crosses to the worker, which parses it. One string is cheap to
 * send, where a large object graph costs the caller's thread a structured clone and its garbage.
 */
function toJsonText(context: Record<string, unknown>): string {
  if (context === null || typeof context !== 'object' || Array.isArray(context)) {
    throw new PromptRenderError('Render context must be a JSON object', { kind: 'context' });
  }
  try {
    return JSON.stringify(context);
  } catch (error) {
    throw new PromptRenderError('Render context must be JSON-serialisable', {
      kind: 'context',
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

/** How long an idle render thread is kept before it exits; the next render starts one again. */
const POOL_IDLE_MS = 60_000;

export function createPromptRenderer(options: Partial<RenderLimits> = {}): PromptRenderer {
  const limits = resolveRenderLimits(options);
  const pool = new Piscina<RenderTask | AnalyseTask | ProbeTask, RenderTaskResult | AnalyseTaskResult>({
    filename: WORKER_ENTRY.href,
    // Started on first use and ended after a minute idle: a worker process whose templates all render
    // inline (straight-line ones) never pays the threads' memory (about 45 MB each).
    minThreads: 0,
    maxThreads: limits.maxThreads,
    idleTimeout: POOL_IDLE_MS,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    workerData: { cacheSize: limits.cacheSize } satisfies RenderWorkerData,
  });
  const workerLimits = {
    timeoutMs: limits.timeoutMs,
    maxOutputChars: limits.maxOutputChars,
    maxRangeSize: limits.maxRangeSize,
    maxLoopIterations: limits.maxLoopIterations,
    maxRecursionDepth: limits.maxRecursionDepth,
  };
  let closed = false;
  // Each worker says when it starts a task (see render-worker.ts), so a render's clock excludes
  // time spent queueing and a worker's boot.
  let nextTaskId = 0;
  const onStarted = new Map<number, () => void>();
  // Callers resume one per event-loop turn (see createOnePerTurn), so a batch of results is not a batch of blocking work.
  const takeTurn = createOnePerTurn();
  const inTurn = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      await takeTurn();
    }
  };
  const cachedAnalysis = createAnalysisCache(ANALYSIS_CACHE_CHARS);
  pool.on('message', (message: unknown) => {
    if (typeof message !== 'object' || message === null || !('renderStarted' in message)) return;
    const id = (message as { renderStarted: number }).renderStarted;
    onStarted.get(id)?.();
    onStarted.delete(id);
  });

  // Templates a worker found straight-line (text and lookups only) render here from then on: they
  // cannot hang or blow up, and the thread hop would cost more than the render.
  const straightLine = new LRUCache<string, TemplateNode>({ max: limits.cacheSize });
  const rememberStraightLine = (source: string) => {
    if (straightLine.has(source) || source.length > INLINE_MAX_CHARS) return;
    straightLine.set(source, compileTemplate(source));
  };

  /** Runs a task with a deadline that starts when a worker takes it; a worker past it is replaced. */
  async function runInPool(task: RenderTask | AnalyseTask, budgetMs: number, timedOut: () => PromptRenderError): Promise<RenderTaskResult | AnalyseTaskResult> {
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    onStarted.set(task.id, () => {
      timer = setTimeout(() => abort.abort(), budgetMs + ABORT_GRACE_MS);
    });
    try {
      return await pool.run(task, { signal: abort.signal });
    } catch (error) {
      if (abort.signal.aborted) throw timedOut();
      // The heap cap is the sandbox's memory limit: a template that fills it (say, by appending
      // large strings in a loop) gets a limit error, like the other limits.
      if ((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new PromptRenderError(`Template exceeded the render worker's memory limit of ${WORKER_HEAP_MB} MB`, { kind: 'limit', limit: 'memory' });
      }
      throw new PromptRenderError('Template rendering failed: the render worker crashed', {
        kind: 'worker',
        reason: error instanceof Error ? error.message : String(error),
      });
    } finally {
      clearTimeout(timer);
      onStarted.delete(task.id);
    }
  }

  function assertUsable(sources: unknown[]): void {
    if (closed) throw new PromptRenderError('Prompt renderer is closed', { kind: 'closed' });
    if (sources.some((source) => typeof source !== 'string')) throw new PromptRenderError('Template source must be a string', { kind: 'syntax' });
  }

  /** Parses (and, with `variables`, analyses) sources in a worker: never on the calling thread, whatever their size. */
  async function runAnalysis(sources: string[], variables: boolean): Promise<string | null> {
    const task: AnalyseTask = { kind: 'analyse', id: nextTaskId++, sources, variables };
    const result = (await runInPool(
      task,
      limits.analysisTimeoutMs,
      () => new PromptRenderError(`Template analysis timed out after ${limits.analysisTimeoutMs} ms`, { kind: 'limit', limit: 'analysisTimeoutMs' }),
    )) as AnalyseTaskResult;
    if (!result.ok) throw new PromptRenderError(result.message, result.details);
    return result.analysisJson;
  }

  function analyseJson(sources: string[]): Promise<string> {
    assertUsable(sources);
    // Remembered answers resume one per turn too: each caller then writes hundreds of KB.
    return inTurn(cachedAnalysis(sources, async () => (await runAnalysis(sources, true)) as string));
  }

  async function runRender(sources: string[], context: Record<string, unknown>): Promise<string[]> {
    assertUsable(sources);
    const contextJson = toJsonText(context);
    const inline = sources.map((source) => straightLine.get(source));
    if (inline.every((root) => root !== undefined)) {
      const plainContext = JSON.parse(contextJson) as Record<string, unknown>;
      return inline.map((root) => renderCompiledTemplate(root, plainContext, workerLimits));
    }
    const task: RenderTask = { kind: 'render', id: nextTaskId++, sources, contextJson, limits: workerLimits };
    const result = (await inTurn(
      runInPool(
        task,
        limits.timeoutMs * sources.length,
        () => new PromptRenderError(`Template rendering timed out after ${limits.timeoutMs} ms`, { kind: 'limit', limit: 'timeoutMs' }),
      ),
    )) as RenderTaskResult;
    if ('straightLine' in result) {
      sources.forEach((source, index) => {
        if (result.straightLine?.[index]) rememberStraightLine(source);
      });
    }
    if (!result.ok) throw new PromptRenderError(result.message, result.details);
    if (!('outputs' in result)) throw new PromptRenderError('Unexpected render worker response', { kind: 'worker' });
    return result.outputs;
  }

  return {
    async render(source, context) {
      const [output] = await runRender([source], context);
      return output ?? '';
    },
    async renderPrompts(prompts, context) {
      // Most templates have no system prompt; an empty one renders to itself without a thread hop.
      if (prompts.system_prompt === '') {
        const [user_prompt] = await runRender([prompts.user_prompt_template], context);
        return { system_prompt: '', user_prompt: user_prompt ?? '' };
      }
      const [system_prompt, user_prompt] = await runRender([prompts.system_prompt, prompts.user_prompt_template], context);
      return { system_prompt: system_prompt ?? '', user_prompt: user_prompt ?? '' };
    },
    async checkSyntax(source) {
      assertUsable([source]);
      await inTurn(runAnalysis([source], false));
    },
    async analyse(sources) {
      return JSON.parse(await analyseJson(sources)) as TemplateAnalysis;
    },
    analyseJson,
    async probeSandbox() {
      const probes = Array.from({ length: limits.maxThreads }, () => pool.run({ kind: 'probe' }));
      const results = await Promise.all(probes);
      return results.every((result) => result.ok && 'sandboxIntact' in result && result.sandboxIntact);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.destroy();
    },
  };
}
