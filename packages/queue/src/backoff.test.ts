import { Backoffs } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it("is BullMQ's exponential backoff with jitter: up to delay · 2^(n−1), the upper half random", () => {
    for (let attemptsMade = 1; attemptsMade < DEFAULT_RETRY_POLICY.attempts; attemptsMade++) {
      const ceiling = 1000 * 2 ** (attemptsMade - 1);
      const delays = Array.from({ length: 200 }, () => retryDelayMs(DEFAULT_RETRY_POLICY, attemptsMade));
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(ceiling / 2);
      expect(Math.max(...delays)).toBeLessThan(ceiling);
      // Jittered: many failures at once do not retry in lock-step.
      expect(new Set(delays).size).toBeGreaterThan(50);
    }
  });

  it('gives the delays BullMQ computes for a job carrying the policy as its backoff option', async () => {
    const noJitter = { ...DEFAULT_RETRY_POLICY, backoff: { ...DEFAULT_RETRY_POLICY.backoff, jitter: 0 } };
    for (let attemptsMade = 1; attemptsMade <= 5; attemptsMade++) {
      const bullmq = await Backoffs.calculate(noJitter.backoff, attemptsMade, new Error('503'), {} as never);
      expect(retryDelayMs(noJitter, attemptsMade)).toBe(bullmq);
    }
  });
});
