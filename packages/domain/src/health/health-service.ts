import { pendingMigrations } from '@promptops/db';
import type { DomainDeps } from '../domain-deps';
import { withTimeout } from '../with-timeout';

export class HealthService {
  constructor(private readonly deps: DomainDeps) {}

  /** Throws unless PostgreSQL answers and every migration is applied. */
  async checkDatabase(): Promise<void> {
    await this.deps.orm.em.getConnection().execute('select 1');
    const pending = await pendingMigrations(this.deps.orm);
    if (pending.length > 0) throw new Error(`pending migrations: ${pending.join(', ')}`);
  }

  /** Throws unless Redis, which carries every queue, answers. */
  async checkQueues(): Promise<void> {
    await withTimeout(this.deps.queues.executions.getWaitingCount(), 2000, 'redis did not answer within 2 s');
  }
}
