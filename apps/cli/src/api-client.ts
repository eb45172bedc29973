import { UsageError } from './usage-error';

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

/** The API could not be reached at all (not running, wrong address): a failure, exit 1. */
class ApiUnreachableError extends Error {
  constructor(baseUrl: string, cause: unknown) {
    // fetch says only "fetch failed"; its cause says why (ECONNREFUSED, ENOTFOUND, "bad port").
    const why = (cause as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
    const reason = typeof why?.code === 'string' ? why.code : typeof why?.message === 'string' ? why.message : (cause as Error).message;
    super(`cannot reach the API at ${baseUrl} (${reason}); is the server running (\`npm start\`), and is PROMPTOPS_API_URL right?`, { cause });
    this.name = 'ApiUnreachableError';
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
    const { baseUrl } = this.options;
    if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
      throw new UsageError(`the API URL must be an http(s) URL such as http://127.0.0.1:3000, got "${baseUrl}" (--api-url or PROMPTOPS_API_URL)`);
    }
    const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
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
      throw new ApiUnreachableError(baseUrl, error);
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Something else answered at this address (a proxy's error page, another server).
      if (response.ok)
        throw new Error(`the server at ${baseUrl} answered ${method} ${url.pathname} with something other than JSON; is PROMPTOPS_API_URL right?`);
    }
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
