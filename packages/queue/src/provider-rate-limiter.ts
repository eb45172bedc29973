import type { Redis } from 'ioredis';
import { countInWindow } from './fixed-window';

export interface ProviderRateLimiterOptions {
  connection: Redis;
  prefix: string;
  /** Requests per minute per provider name; providers without an entry are not limited. */
  limits: (provider: string) => number | undefined;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A fixed one-minute window per provider, counted in Redis so every worker process shares it.
 * `acquire` waits for the next window instead of failing: the job keeps its place and the
 * provider sees at most its configured rate.
 */
export class ProviderRateLimiter {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ProviderRateLimiterOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async acquire(provider: string): Promise<void> {
    const limit = this.options.limits(provider);
    if (!limit) return;
    for (;;) {
      const now = Date.now();
      const { count, resetsAt } = await countInWindow(this.options.connection, `${this.options.prefix}:provider-rate:${provider}`, 60_000, now);
      if (count <= limit) return;
      await this.sleep(resetsAt - now + Math.floor(Math.random() * 250));
    }
  }
}
