/**
 * The benchmark clients' HTTP: undici's `request` over kept-alive connections. `fetch` (undici too,
 * behind the WHATWG Request/Response/Headers objects) cost the clients about 1 ms of CPU per
 * submission, as much as the server spent answering it, so on a 2-core machine the clients took the
 * server's core. The load a benchmark offers should cost as little as possible.
 */
import { Pool } from 'undici';

const pools = new Map<string, Pool>();

function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    pool = new Pool(origin, { connections: 256 });
    pools.set(origin, pool);
  }
  return pool;
}

/** POSTs `body` as JSON; answers the status and the body's text. */
export async function postJson(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const { origin, pathname, search } = new URL(url);
  const response = await poolFor(origin).request({
    method: 'POST',
    path: `${pathname}${search}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.statusCode, text: await response.body.text() };
}
