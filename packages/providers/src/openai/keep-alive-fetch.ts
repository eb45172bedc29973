import http from 'node:http';
import https from 'node:https';

/** Connections kept open per provider host; an evaluation run keeps this many calls in flight. */
const MAX_SOCKETS = 256;

/** Statuses whose responses carry no body by definition (the Response constructor rejects one). */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A `fetch` for the openai SDK built on node:http with keep-alive agents. Global fetch (undici)
 * costs several times more CPU per call, which caps how many provider calls a worker can keep in
 * flight; LLM calls are small JSON requests that never need streaming uploads. Anything this does
 * not handle (non-string bodies, other protocols) goes to the global fetch.
 */
export function createKeepAliveFetch(): typeof fetch {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
  };
  return async function keepAliveFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    const url = new URL(input instanceof Request ? input.url : input);
    const body = init.body ?? null;
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || input instanceof Request || (body !== null && typeof body !== 'string')) {
      return fetch(input, init);
    }
    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    if (body !== null) headers['content-length'] = String(Buffer.byteLength(body));
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<Response>((resolve, reject) => {
      const request = transport.request(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'], signal }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('aborted', () => reject(new TypeError('terminated: the connection closed mid-body')));
        response.on('end', () => {
          const status = response.statusCode ?? 500;
          const responseHeaders = new Headers();
          for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) responseHeaders.append(response.rawHeaders[i]!, response.rawHeaders[i + 1]!);
          try {
            resolve(
              new Response(NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks), {
                status,
                statusText: response.statusMessage ?? '',
                headers: responseHeaders,
              }),
            );
          } catch (error) {
            reject(error);
          }
        });
      });
      request.on('error', (error) => reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error })));
      request.end(body ?? undefined);
    });
  };
}
