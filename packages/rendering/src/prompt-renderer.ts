import { PromptRenderError } from '@promptops/errors';
import { Piscina } from 'piscina';
import { compileTemplate } from './compile-template';
import { renderCompiledTemplate } from './render-template';
import type { TemplateNode } from './template-node';
import { type RenderLimits, resolveRenderLimits } from './render-limits';
import type { ProbeTask, RenderTask, RenderTaskResult } from './render-worker';

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
  /** Test-only: true when no render has altered prototypes or globals in any worker asked. */
  probeSandbox(): Promise<boolean>;
  /** Terminates the worker pool; the renderer cannot be used afterwards. */
  close(): Promise<void>;
}

/** Lets the in-worker deadline report the precise error before the worker is killed. */
const ABORT_GRACE_MS = 150;
/** Worker heap cap: a memory blow-up kills one worker, not the process. */
const WORKER_HEAP_MB = 256;

const WORKER_ENTRY = new URL('./render-worker-entry.mjs', import.meta.url);

function toPlainJson(context: Record<string, unknown>): Record<string, unknown> {
  if (context === null || typeof context !== 'object' || Array.isArray(context)) {
    throw new PromptRenderError('Render context must be a JSON object', { kind: 'context' });
  }
  try {
    return JSON.parse(JSON.stringify(context)) as Record<string, unknown>;
  } catch (error) {
    throw new PromptRenderError('Render context must be JSON-serialisable', {
      kind: 'context',
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

export function createPromptRenderer(options: Partial<RenderLimits> = {}): PromptRenderer {
  const limits = resolveRenderLimits(options);
  const pool = new Piscina<RenderTask | ProbeTask, RenderTaskResult>({
    filename: WORKER_ENTRY.href,
    minThreads: limits.maxThreads,
    maxThreads: limits.maxThreads,
    idleTimeout: Number.POSITIVE_INFINITY,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const workerLimits = {
    timeoutMs: limits.timeoutMs,
    maxOutputChars: limits.maxOutputChars,
    maxRangeSize: limits.maxRangeSize,
    maxLoopIterations: limits.maxLoopIterations,
    maxRecursionDepth: limits.maxRecursionDepth,
    cacheSize: limits.cacheSize,
  };
  let closed = false;
  // Each worker says when it starts a task (see render-worker.ts), so a render's clock excludes
  // time spent queueing and a worker's boot.
  let nextTaskId = 0;
  const onStarted = new Map<number, () => void>();
  pool.on('message', (message: unknown) => {
    if (typeof message !== 'object' || message === null || !('renderStarted' in message)) return;
    const id = (message as { renderStarted: number }).renderStarted;
    onStarted.get(id)?.();
    onStarted.delete(id);
  });

  // Templates a worker found straight-line (text and lookups only) render here from then on: they
  // cannot hang or blow up, and the thread hop would cost more than the render.
  const straightLine = new Map<string, TemplateNode>();
  const rememberStraightLine = (source: string) => {
    if (straightLine.has(source)) return;
    if (straightLine.size >= limits.cacheSize) straightLine.delete(straightLine.keys().next().value as string);
    straightLine.set(source, compileTemplate(source));
  };

  async function runRender(sources: string[], context: Record<string, unknown>): Promise<string[]> {
    if (closed) throw new PromptRenderError('Prompt renderer is closed', { kind: 'closed' });
    if (sources.some((source) => typeof source !== 'string')) throw new PromptRenderError('Template source must be a string', { kind: 'syntax' });
    const plainContext = toPlainJson(context);
    const inline = sources.map((source) => straightLine.get(source));
    if (inline.every((root) => root !== undefined)) return inline.map((root) => renderCompiledTemplate(root, plainContext, workerLimits));
    const task: RenderTask = { kind: 'render', id: nextTaskId++, sources, context: plainContext, limits: workerLimits };
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    onStarted.set(task.id, () => {
      timer = setTimeout(() => abort.abort(), limits.timeoutMs * sources.length + ABORT_GRACE_MS);
    });
    let result: RenderTaskResult;
    try {
      result = await pool.run(task, { signal: abort.signal });
    } catch (error) {
      if (abort.signal.aborted) {
        throw new PromptRenderError(`Template rendering timed out after ${limits.timeoutMs} ms`, {
          kind: 'limit',
          limit: 'timeoutMs',
        });
      }
      throw new PromptRenderError('Template rendering failed: the render worker crashed', {
        kind: 'worker',
        reason: error instanceof Error ? error.message : String(error),
      });
    } finally {
      clearTimeout(timer);
      onStarted.delete(task.id);
    }
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
