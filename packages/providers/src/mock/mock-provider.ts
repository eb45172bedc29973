import { setTimeout as delay } from 'node:timers/promises';
import { ProviderError } from '../provider-error';
import { estimatePromptTokens, estimateTokens } from '../token-estimate';
import type { CompletionRequest, CompletionResult, LlmProvider } from '../types';
import { generateInstance } from './schema-instance';
import { seedOf } from './seeded-random';

export interface MockProviderOptions {
  /** Artificial latency per call, for benchmarks; default 0. */
  latencyMs?: number;
  /** Used when a request's model is empty; default `mock-1`. */
  defaultModel?: string;
}

const ECHO_CHARS = 80;

/**
 * Offline provider for development, tests and benchmarks. The output is a pure function of
 * model + messages + schema: schema-valid JSON when a schema is given, else an echo of the prompt.
 */
export class MockProvider implements LlmProvider {
  readonly name = 'mock';
  readonly #latencyMs: number;
  readonly #defaultModel: string;

  constructor(options: MockProviderOptions = {}) {
    this.#latencyMs = options.latencyMs ?? 0;
    this.#defaultModel = options.defaultModel ?? 'mock-1';
  }

  async complete(request: CompletionRequest): Promise<CompletionResult> {
    const model = request.model || this.#defaultModel;
    const started = performance.now();
    if (this.#latencyMs > 0) await this.#wait(request, model);
    else if (request.signal?.aborted) throw this.#cancelled(model);

    const text = request.outputSchema ? this.#structured(request, model) : this.#echo(request);
    const promptTokens = estimatePromptTokens(request.messages);
    const completionTokens = estimateTokens(text);
    return {
      text,
      promptTokens,
      completionTokens,
      totalTokens: promptTokens + completionTokens,
      model,
      latencyMs: Math.round(performance.now() - started),
      structuredOutputMode: request.outputSchema ? 'json_schema' : 'none',
    };
  }

  #echo(request: CompletionRequest): string {
    const lastUser = request.messages.findLast((m) => m.role === 'user');
    if (!lastUser) return '[mock] (no user message)';
    const flat = lastUser.content.replace(/\s+/g, ' ').trim();
    return `[mock] ${flat.length > ECHO_CHARS ? `${flat.slice(0, ECHO_CHARS)}…` : flat}`;
  }

  #structured(request: CompletionRequest, model: string): string {
    const schema = request.outputSchema as object;
    let generated: ReturnType<typeof generateInstance>;
    try {
      generated = generateInstance(schema, seedOf([model, request.messages, schema]));
    } catch (error) {
      throw new ProviderError(`mock cannot use the output schema: ${(error as Error).message}`, {
        kind: 'bad_request',
        retryable: false,
        provider: this.name,
        details: { model },
      });
    }
    if (!generated.valid) {
      // Deterministic, so retrying cannot help; say which constraint defeated the generator.
      throw new ProviderError(`mock could not generate output that satisfies the output schema (${generated.errors.slice(0, 5).join('; ')})`, {
        kind: 'bad_request',
        retryable: false,
        provider: this.name,
        details: { model, errors: generated.errors },
      });
    }
    return JSON.stringify(generated.value);
  }

  async #wait(request: CompletionRequest, model: string): Promise<void> {
    const timeoutMs = request.timeoutMs;
    const timedOut = timeoutMs !== undefined && timeoutMs < this.#latencyMs;
    try {
      await delay(timedOut ? timeoutMs : this.#latencyMs, undefined, { signal: request.signal });
    } catch {
      throw this.#cancelled(model);
    }
    if (timedOut) {
      throw new ProviderError(`mock (model "${model}") did not answer within ${timeoutMs} ms`, {
        kind: 'timeout',
        retryable: true,
        provider: this.name,
        details: { model, timeoutMs },
      });
    }
  }

  #cancelled(model: string): ProviderError {
    return new ProviderError(`mock (model "${model}") call was cancelled by the caller`, {
      kind: 'unknown',
      retryable: false,
      provider: this.name,
      details: { model, cancelled: true },
    });
  }
}
