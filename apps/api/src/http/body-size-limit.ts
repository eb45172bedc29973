import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export interface BodySizeLimitOptions {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}

/**
 * Hono's body limit, without its cost on requests that need none of its streaming. It reads
 * `c.req.raw.body`, which makes the Node adapter build a full web Request for every request (GET
 * and /healthz included) and then read each body through web streams. A request without a body
 * (GET, HEAD) passes untouched, and a declared Content-Length is judged from the header alone, as
 * Hono does; the Node adapter then reads the body straight from the socket when a route asks for
 * it. Only a body of unknown length (chunked) goes through Hono's counting reader.
 */
export function bodySizeLimit(options: BodySizeLimitOptions): MiddlewareHandler {
  const counting = bodyLimit(options);
  return async function limitBodySize(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(declared, 10) > options.maxSize ? options.onError(c) : next();
    }
    return counting(c, next);
  };
}
