/** Name under which workers register `jitteredBackoff` as a custom BullMQ backoff strategy. */
export const JITTERED_BACKOFF = 'jittered-exponential';

export interface JitteredBackoffOptions {
  /** First delay in ms. Default 1000. */
  baseMs?: number;
  /** Longest delay in ms. Default 60_000. */
  maxMs?: number;
}

/**
 * Exponential backoff with "full jitter": many jobs failing together (a provider outage) spread
 * their retries instead of hitting the provider again in lock-step.
 */
export function jitteredBackoff(attemptsMade: number, options: JitteredBackoffOptions = {}, random = Math.random): number {
  const baseMs = options.baseMs ?? 1000;
  const maxMs = options.maxMs ?? 60_000;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
