/** Error answered by the API, carrying its `{error: {type, message, details}}` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly details: unknown,
  ) {
    super(`${message} (${status} ${type})`);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  apiKey?: string;
}

/** A thin JSON client for the commands that drive a running server over HTTP. */
export class ApiClient {
  constructor(private readonly options: ApiClientOptions) {}

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const url = new URL(path, this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new Error(`cannot reach the API at ${this.options.baseUrl} (${(error as Error).message}); is \`npm start\` running?`);
    }
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const error = (parsed as { error?: { type?: string; message?: string; details?: unknown } } | null)?.error;
      throw new ApiError(response.status, error?.type ?? 'error', error?.message ?? response.statusText, error?.details ?? null);
    }
    return { status: response.status, body: parsed as T };
  }
}

export function apiClientFromEnv(apiUrl?: string): ApiClient {
  return new ApiClient({
    baseUrl: apiUrl ?? process.env.PROMPTOPS_API_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`,
    ...(process.env.PROMPTOPS_API_KEY ? { apiKey: process.env.PROMPTOPS_API_KEY } : {}),
  });
}
