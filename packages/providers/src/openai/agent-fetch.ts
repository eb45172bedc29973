import { Agent, type Dispatcher, fetch as undiciFetch, request } from 'undici';

/** Connections kept open per provider host; an evaluation run keeps this many calls in flight. */
const MAX_CONNECTIONS = 256;

/** Statuses whose responses carry no body by definition (the Response constructor rejects one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

type HttpMethod = Dispatcher.HttpMethod;

function responseHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) headers.append(name, one);
  }
  return headers;
}

/**
 * A `fetch` for the openai SDK over one undici Agent (a keep-alive connection pool). Calls go
 * through undici's `request`, not its `fetch`: measured against the fake OpenAI server, fetch's
 * WHATWG streams cost about twice the CPU per call, which caps how many provider calls a worker
 * keeps in flight; LLM calls are small JSON requests whose answers are read whole anyway.
 * Anything else (a Request object, a streamed body) goes to undici's fetch over the same Agent.
 */
export function createAgentFetch(): typeof fetch {
  const agent = new Agent({ connections: MAX_CONNECTIONS });
  // undici's fetch types and the DOM lib's describe the same objects separately; at run time they are one implementation.
  const fallback = (input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agent,
    }) as unknown as Promise<Response>;

  return async function agentFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const body = init.body ?? null;
    if (input instanceof Request || (body !== null && typeof body !== 'string')) return fallback(input, init);
    const signal = init.signal ?? undefined;
    try {
      const response = await request(input, {
        method: (init.method ?? 'GET') as HttpMethod,
        headers: Object.fromEntries(new Headers(init.headers)),
        body,
        signal,
        dispatcher: agent,
      });
      const bytes = await response.body.arrayBuffer();
      return new Response(NULL_BODY_STATUSES.has(response.statusCode) ? null : bytes, {
        status: response.statusCode,
        headers: responseHeaders(response.headers),
      });
    } catch (error) {
      // As fetch does: an abort rejects with the signal's reason, anything else is a TypeError.
      if (signal?.aborted) throw signal.reason;
      throw new TypeError('fetch failed', { cause: error });
    }
  };
}
