export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface CompletionRequest {
  /** Empty string means "the provider's default model". */
  model: string;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
  /** JSON Schema (draft 2020-12) the output must satisfy; undefined for free text. */
  outputSchema?: object;
  /** Overrides the registry-wide timeout for this call. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** How the provider was asked for structured output; `none` when no schema was given. */
export type StructuredOutputMode = 'json_schema' | 'json_object' | 'instructions' | 'none';

export interface CompletionResult {
  /** Raw assistant text; callers parse JSON themselves (see `extractJson`). */
  text: string;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Model that actually answered, as reported by the provider. */
  model: string;
  latencyMs: number;
  structuredOutputMode: StructuredOutputMode;
}

export interface LlmProvider {
  readonly name: string;
  complete(request: CompletionRequest): Promise<CompletionResult>;
}
