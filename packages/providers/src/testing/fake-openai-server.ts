import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatRequestBody, FakeBehaviour } from './behaviours';
import { completionBody, defaultContent, errorBody } from './responses';

export interface FakeOpenAiServerOptions {
  /** Latency added to every answer unless a behaviour sets its own. Timers, so requests never queue. */
  latencyMs?: number;
  /** Behaviour when the queue is empty; default `{type: 'default'}`. */
  default?: FakeBehaviour;
  /** Keep request bodies in `requests` (turn off for long benchmarks to save memory); default true. */
  recordRequests?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** As received, authorization included, so tests can assert which key was sent. */
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when it was not JSON. */
  body: unknown;
}

export interface FakeOpenAiServer {
  /** Base URL ending in /v1, ready for `new OpenAI({baseURL})` or ProviderSettings.baseUrl. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** TCP connections accepted so far, so tests can see a client reuse its connections. */
  readonly connections: number;
  enqueue(...behaviours: FakeBehaviour[]): void;
  setDefault(behaviour: FakeBehaviour): void;
  /** Clears queued behaviours and recorded requests and restores the initial default. */
  reset(): void;
  /** Stops listening and destroys every open socket, hanging ones included. */
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body);
}

/** OpenAI-compatible HTTP server on 127.0.0.1 for tests and benchmarks (node:http only). */
export async function startFakeOpenAiServer(options: FakeOpenAiServerOptions = {}): Promise<FakeOpenAiServer> {
  const initialDefault: FakeBehaviour = options.default ?? { type: 'default' };
  let fallback = initialDefault;
  const queue: FakeBehaviour[] = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number, res: ServerResponse, fn: () => void) => {
    if (ms <= 0) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };

  const run = (behaviour: FakeBehaviour, body: ChatRequestBody, res: ServerResponse, extraMs = 0): void => {
    if (behaviour.type === 'hang') return; // answered by nobody; close() destroys the socket
    if (behaviour.type === 'choose') {
      run(behaviour.pick(body), body, res, extraMs);
      return;
    }
    if (behaviour.type === 'delay') {
      later(extraMs + behaviour.latencyMs, res, () => run(behaviour.then, body, res));
      return;
    }
    const latency = extraMs + (behaviour.latencyMs ?? options.latencyMs ?? 0);
    later(latency, res, () => {
      switch (behaviour.type) {
        case 'reply': {
          const content = typeof behaviour.content === 'function' ? behaviour.content(body) : behaviour.content;
          return send(res, 200, JSON.stringify(completionBody(body, content, behaviour.usage)));
        }
        case 'json': {
          const value = typeof behaviour.value === 'function' ? (behaviour.value as (b: ChatRequestBody) => unknown)(body) : behaviour.value;
          return send(res, 200, JSON.stringify(completionBody(body, JSON.stringify(value), behaviour.usage)));
        }
        case 'status': {
          const headers: Record<string, string> = {};
          if (behaviour.retryAfter !== undefined) headers['retry-after'] = behaviour.retryAfter;
          if (behaviour.retryAfterMs !== undefined) headers['retry-after-ms'] = behaviour.retryAfterMs;
          return send(res, behaviour.status, JSON.stringify(behaviour.body ?? errorBody(behaviour.status)), headers);
        }
        case 'malformed':
          return send(res, 200, behaviour.raw, { 'content-type': behaviour.contentType ?? 'application/json' });
        default:
          return send(res, 200, JSON.stringify(completionBody(body, defaultContent(body))));
      }
    });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try {
        body = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        // keep the raw text: a test may be checking exactly that
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (options.recordRequests !== false) requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });

      if (req.method === 'POST' && path === '/v1/chat/completions') {
        const chatBody = (typeof body === 'object' && body !== null ? body : {}) as ChatRequestBody;
        return run(queue.shift() ?? fallback, chatBody, res);
      }
      if (req.method === 'GET' && path === '/v1/models') {
        return send(res, 200, JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model', created: 1_700_000_000, owned_by: 'fake' }] }));
      }
      send(res, 404, JSON.stringify({ error: { message: `No route ${req.method} ${path} (fake server)`, type: 'invalid_request_error', code: null } }));
    });
  });
  let connections = 0;
  server.on('connection', () => {
    connections++;
  });
  // Benchmarks open thousands of sockets at once; the default backlog (511) would drop some.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, backlog: 8192 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    get connections() {
      return connections;
    },
    enqueue: (...behaviours) => {
      queue.push(...behaviours);
    },
    setDefault: (behaviour) => {
      fallback = behaviour;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      fallback = initialDefault;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
