import type { Logger } from '@promptops/config';
import type { Dependency } from '@promptops/errors';

interface Outage {
  since: number;
  failures: number;
}

/**
 * Remembers which dependencies are down, so an outage is logged once at warn when it starts and
 * once at info when it ends, rather than once per request that fails meanwhile: while PostgreSQL
 * is away every request fails the same way, and a line each would bury everything else.
 */
export class DependencyOutages {
  private readonly outages = new Map<Dependency, Outage>();

  constructor(private readonly logger: Logger) {}

  /** A request could not use `dependency`; `consequence` says what the API does meanwhile. */
  failed(dependency: Dependency, reason: string, consequence: string): void {
    const outage = this.outages.get(dependency);
    if (outage) {
      outage.failures++;
      return;
    }
    this.outages.set(dependency, { since: Date.now(), failures: 1 });
    this.logger.warn({ dependency, reason }, `${dependency} unavailable: ${consequence} until it answers again`);
  }

  /** `dependency` answered; ends its outage, if any. Cheap enough to call on every success. */
  recovered(dependency: Dependency): void {
    const outage = this.outages.get(dependency);
    if (!outage) return;
    this.outages.delete(dependency);
    this.logger.info({ dependency, down_ms: Date.now() - outage.since, failed_requests: outage.failures }, `${dependency} available again`);
  }
}
