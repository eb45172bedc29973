import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { CheckedTarget } from './webhook-targets';

const EXCERPT_BYTES = 2048;

export interface PostResult {
  statusCode: number | null;
  /** The first 2 KB of the answer's body. */
  excerpt: string | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs `body` to the checked address, whatever the host resolves to by now (a DNS rebinding answer
 * is never asked for): the URL's host still goes in the Host header and, for https, in TLS SNI and
 * the certificate check. Redirects are not followed, so a receiver cannot point us elsewhere.
 */
export function postJson(target: CheckedTarget, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        headers: { 'content-type': 'application/json', 'user-agent': 'PromptOps-Webhooks/1', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          finish({ statusCode: response.statusCode ?? null, excerpt: Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_BYTES), error: null });
        response.on('data', (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk.subarray(0, EXCERPT_BYTES - size));
          size += chunk.length;
          // Enough read: the rest of a large answer is not our business.
          if (size >= EXCERPT_BYTES) {
            done();
            response.destroy();
          }
        });
        response.on('end', done);
        response.on('error', done);
      },
    );
    // A wall-clock deadline for the whole exchange; `timeout` above only bounds idle sockets.
    const deadline = setTimeout(() => request.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    request.on('close', () => clearTimeout(deadline));
    request.on('timeout', () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    request.on('error', (error) => finish({ statusCode: null, excerpt: null, error: error.message.slice(0, 500) }));
    request.end(body);
  });
}

/** 2xx delivered; 4xx is final except 408 and 429; 5xx, time-outs and network errors are retried. */
export function isRetryable(result: PostResult): boolean {
  if (result.statusCode === null) return true;
  if (result.statusCode >= 500) return true;
  return result.statusCode === 408 || result.statusCode === 429;
}
