import { Backoffs } from 'bullmq';

/**
 * How often, and after how long, a retryable failure is tried again. Jobs carry it as their BullMQ
 * options, so BullMQ's own exponential strategy computes their delays; work that retries outside a
 * queue (an evaluation run's items, judge calls) asks `retryDelayMs` for the same delays.
 */
export interface RetryPolicy {
  /** Tries in all, the first one included. */
  attempts: number;
  /**
   * BullMQ's exponential backoff: before try n + 1, up to `delay` · 2^(n − 1) ms, of which the
   * last `jitter` fraction is random, so many jobs failing together (a provider outage) spread
   * their retries instead of hitting the provider again in lock-step.
   */
  backoff: { type: 'exponential'; delay: number; jitter: number };
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 6, backoff: { type: 'exponential', delay: 1000, jitter: 0.5 } };

/**
 * Webhook deliveries: receivers are other people's servers, down for minutes rather than seconds,
 * so more tries (about 4 minutes in all: 0.5–1 s, doubling, the upper half random) than provider calls.
 */
export const WEBHOOK_RETRY_POLICY: RetryPolicy = { attempts: 9, backoff: { type: 'exponential', delay: 1000, jitter: 0.5 } };

/** The delay BullMQ waits under `policy` after `attemptsMade` failed tries, for retries made without a queue. */
export function retryDelayMs(policy: RetryPolicy, attemptsMade: number): number {
  const { delay, jitter } = policy.backoff;
  const delayMs = Backoffs.builtinStrategies.exponential?.(delay, jitter)(attemptsMade);
  // BullMQ's built-in strategies answer synchronously; anything else means its API changed under us.
  if (typeof delayMs !== 'number') throw new Error("BullMQ's exponential backoff strategy is missing");
  return delayMs;
}
