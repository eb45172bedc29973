import type { ProviderSettings } from '@promptops/config';
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { schemaInstruction } from '../json-output';
import { ProviderError } from '../provider-error';
import { estimatePromptTokens, estimateTokens } from '../token-estimate';
import type { ChatMessage, CompletionRequest, CompletionResult, LlmProvider, StructuredOutputMode } from '../types';
import { createAgentFetch } from './agent-fetch';
import { type CallContext, classifyError } from './classify-error';
import { readCompletion } from './read-completion';

export interface OpenAiCompatibleOptions {
  timeoutMs: number;
  /** Used when a request's model is empty. */
  defaultModel: string;
}

const DEFAULT_BASE_URLS: Record<ProviderSettings['kind'], string | undefined> = {
  openai: 'https://api.openai.com/v1',
  xai: 'https://api.x.ai/v1',
  openai_compatible: undefined,
};

/** Base URL without user-info or query, safe to show in error messages. */
function safeEndpoint(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.username = '';
  url.password = '';
  url.search = '';
  return url.toString().replace(/\/$/, '');
}

function keyHint(settings: ProviderSettings): string {
  if (settings.kind === 'openai') return 'OPENAI_API_KEY';
  if (settings.kind === 'xai') return 'XAI_API_KEY';
  return `the api_key_env of "${settings.name}" in LLM_PROVIDERS`;
}

function withInstruction(messages: ChatMessage[], instruction: string): ChatMessage[] {
  const [first, ...rest] = messages;
  if (first?.role === 'system') return [{ role: 'system', content: `${first.content}\n\n${instruction}` }, ...rest];
  return [{ role: 'system', content: instruction }, ...messages];
}

/** JSON-Schema `name` must match ^[a-zA-Z0-9_-]{1,64}$; derive it from the schema title when possible. */
function schemaName(schema: object): string {
  const title = (schema as { title?: unknown }).title;
  const name = typeof title === 'string' ? title.replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, 64) : '';
  return name.replace(/^_+|_+$/g, '') || 'output';
}

/** OpenAI, xAI and any server speaking the OpenAI chat-completions API (Ollama, vLLM, LM Studio...). */
export class OpenAiCompatibleProvider implements LlmProvider {
  readonly name: string;
  // Private fields keep the key (held by the SDK client) out of JSON.stringify and loggers.
  readonly #client: OpenAI;
  readonly #settings: ProviderSettings;
  readonly #options: OpenAiCompatibleOptions;
  readonly #endpoint: string;

  constructor(settings: ProviderSettings, options: OpenAiCompatibleOptions) {
    const baseURL = settings.baseUrl ?? DEFAULT_BASE_URLS[settings.kind];
    if (!baseURL) throw new Error(`Provider "${settings.name}" has no base URL`);
    this.name = settings.name;
    this.#settings = settings;
    this.#options = options;
    this.#endpoint = safeEndpoint(baseURL);
    const foreign = settings.kind !== 'openai';
    this.#client = new OpenAI({
      // Always explicit: left undefined, the SDK would read OPENAI_API_KEY from the environment and
      // send it to whatever server this is. Keyless local servers get a placeholder they ignore.
      apiKey: settings.apiKey ?? 'no-key',
      baseURL,
      maxRetries: 0, // the queue retries, with its own back-off and rate limits
      fetch: createAgentFetch(),
      timeout: options.timeoutMs,
      ...(foreign ? { organization: null, project: null, adminAPIKey: null, webhookSecret: null } : {}),
    });
  }

  async complete(request: CompletionRequest): Promise<CompletionResult> {
    const model = request.model || this.#options.defaultModel;
    const timeoutMs = Math.max(1, Math.ceil(request.timeoutMs ?? this.#options.timeoutMs));
    const mode = this.#modeFor(request.outputSchema);
    const ctx: CallContext = {
      provider: this.name,
      model,
      apiKey: this.#settings.apiKey,
      keyHint: keyHint(this.#settings),
      endpoint: this.#endpoint,
      timeoutMs,
      timedOut: false,
      callerSignal: request.signal,
    };

    // Our own deadline also covers reading the body; the SDK timeout stops at the response headers.
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([deadline, request.signal]) : deadline;
    const started = performance.now();
    let body: unknown;
    try {
      body = await this.#client.chat.completions.create(this.#params(request, model, mode), { signal, timeout: timeoutMs });
    } catch (error) {
      ctx.timedOut = deadline.aborted;
      throw classifyError(error, ctx);
    }
    const latencyMs = Math.round(performance.now() - started);

    const parsed = readCompletion(body);
    if (typeof parsed === 'string') {
      throw new ProviderError(`${this.name} (model "${model}") sent a malformed chat completion: ${parsed}`, {
        kind: 'malformed_response',
        retryable: true,
        provider: this.name,
        status: 200,
        details: { model },
      });
    }
    // Some compatible servers omit usage; an estimate keeps cost and token metrics meaningful.
    const promptTokens = parsed.usage?.prompt ?? estimatePromptTokens(request.messages);
    const completionTokens = parsed.usage?.completion ?? estimateTokens(parsed.text);
    return {
      text: parsed.text,
      promptTokens,
      completionTokens,
      totalTokens: parsed.usage?.total ?? promptTokens + completionTokens,
      model: parsed.model ?? model,
      latencyMs,
      structuredOutputMode: mode,
    };
  }

  #modeFor(schema: object | undefined): StructuredOutputMode {
    if (!schema) return 'none';
    if (this.#settings.supportsJsonSchema) return 'json_schema';
    return this.#settings.supportsJsonMode ? 'json_object' : 'instructions';
  }

  #params(request: CompletionRequest, model: string, mode: StructuredOutputMode): ChatCompletionCreateParamsNonStreaming {
    const schema = request.outputSchema;
    const messages = schema && mode !== 'json_schema' ? withInstruction(request.messages, schemaInstruction(schema)) : request.messages;
    const params: ChatCompletionCreateParamsNonStreaming = { model, messages };
    if (request.temperature !== undefined) params.temperature = request.temperature;
    if (request.maxTokens !== undefined) {
      // OpenAI's reasoning models reject max_tokens; compatible servers often only know max_tokens.
      if (this.#settings.kind === 'openai') params.max_completion_tokens = request.maxTokens;
      else params.max_tokens = request.maxTokens;
    }
    if (schema && mode === 'json_schema') {
      // strict:false because strict mode rejects common schemas (optional properties, formats).
      params.response_format = {
        type: 'json_schema',
        json_schema: { name: schemaName(schema), schema: schema as Record<string, unknown>, strict: false },
      };
    } else if (mode === 'json_object') {
      params.response_format = { type: 'json_object' };
    }
    return params;
  }
}
