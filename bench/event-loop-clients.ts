/**
 * The event-loop benchmark's clients, in a process of their own so the server's thread pays only for
 * serving. Driven over IPC by event-loop.ts: each message asks for /healthz probes (one at a time,
 * every few milliseconds) while `clients` lanes each send `requests` copies of a request; the probes
 * stop when the load is done (or after `probes` of them when there is no load). A load answered so
 * quickly that fewer than MIN_LOADED_PROBES were taken is sent again, so a p99 rests on enough
 * probes to mean something (of 20, it is merely the slowest one).
 */
import { runWithConcurrency } from './bench-support';

export interface LoadRequest {
  method: 'GET' | 'POST';
  /** Several: request i goes to paths[i % paths.length]. */
  path: string | string[];
  body?: unknown;
  /** The status every answer must have. */
  status: number;
}

export interface PhaseRequest {
  baseUrl: string;
  apiKey: string;
  /** Without load: how many probes to send. */
  probes: number;
  load?: LoadRequest & { clients: number; requests: number };
}

export interface PhaseResult {
  /** Latency of each /healthz probe, ms. */
  healthz: number[];
  /** Latency of each load request, ms. */
  load: number[];
}

const PROBE_INTERVAL_MS = 5;
const MIN_LOADED_PROBES = 100;

async function timed(url: string, init: RequestInit, status: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, init);
  await response.arrayBuffer();
  if (response.status !== status) throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}, expected ${status}`);
  return performance.now() - started;
}

async function runPhase(request: PhaseRequest): Promise<PhaseResult> {
  const healthz: number[] = [];
  let loadDone = !request.load;
  const probing = (async () => {
    while (request.load ? !loadDone : healthz.length < request.probes) {
      healthz.push(await timed(`${request.baseUrl}/healthz`, { method: 'GET' }, 200));
      await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
    }
  })();
  let load: number[] = [];
  if (request.load) {
    const { method, path, body, status, clients, requests } = request.load;
    const init: RequestInit = {
      method,
      headers: { authorization: `Bearer ${request.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    };
    try {
      const paths = typeof path === 'string' ? [path] : path;
      do {
        const round = await runWithConcurrency(clients * requests, clients, async (index) => {
          await timed(`${request.baseUrl}${paths[index % paths.length]}`, init, status);
        });
        load = load.concat(round);
      } while (healthz.length < MIN_LOADED_PROBES);
    } finally {
      loadDone = true;
    }
  }
  await probing;
  return { healthz, load };
}

process.on('message', (request: PhaseRequest) => {
  runPhase(request).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
