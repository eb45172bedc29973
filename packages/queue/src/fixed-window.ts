import type { Redis } from 'ioredis';

export interface WindowCount {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** When the current window ends (epoch ms). */
  resetsAt: number;
}

/**
 * Counts one hit in the current fixed window of `windowMs` under `key`, in Redis so every process
 * shares the count; the key expires shortly after its window.
 */
export async function countInWindow(connection: Redis, key: string, windowMs: number, now = Date.now()): Promise<WindowCount> {
  const window = Math.floor(now / windowMs);
  const windowKey = `${key}:${window}`;
  const [[, count]] = (await connection
    .multi()
    .incr(windowKey)
    .pexpire(windowKey, windowMs + 1000)
    .exec()) as [[unknown, number]];
  return { count, resetsAt: (window + 1) * windowMs };
}
