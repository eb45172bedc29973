/** Chat-completions request body as the fake server received it (parsed JSON). */
export type ChatRequestBody = Record<string, unknown> & {
  model?: string;
  messages?: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name?: string; schema?: object; strict?: boolean } };
};

export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** What the fake server does with one request; queued behaviours are consumed FIFO, then the default. */
export type FakeBehaviour =
  | {
      type: 'reply';
      content: string | ((body: ChatRequestBody) => string);
      latencyMs?: number;
      usage?: Partial<FakeUsage>;
    }
  | { type: 'json'; value: unknown; latencyMs?: number; usage?: Partial<FakeUsage> }
  | {
      type: 'status';
      status: number;
      /** Sent verbatim as Retry-After (seconds or HTTP-date). */
      retryAfter?: string;
      /** Sent as retry-after-ms. */
      retryAfterMs?: string;
      /** Response body; defaults to an OpenAI-style `{error: {message, type, code}}`. */
      body?: object;
      latencyMs?: number;
    }
  | { type: 'hang' }
  | { type: 'malformed'; raw: string; contentType?: string; latencyMs?: number }
  | { type: 'delay'; latencyMs: number; then: FakeBehaviour }
  /** Chooses the behaviour from the request, e.g. to fail only the requests that mention some input. */
  | { type: 'choose'; pick: (body: ChatRequestBody) => FakeBehaviour }
  /** The built-in deterministic reply (schema-valid JSON when response_format asks for a schema). */
  | { type: 'default'; latencyMs?: number };
