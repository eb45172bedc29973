import { pendingMigrations } from '@promptops/db';
import type { DomainDeps } from '../domain-deps';

export class HealthService {
  constructor(private readonly deps: DomainDeps) {}

  /** Throws unless PostgreSQL answers and every migration is applied. */
  async checkDatabase(): Promise<void> {
    await this.deps.orm.em.getConnection().execute('select 1');
    const pending = await pendingMigrations(this.deps.orm);
    if (pending.length > 0) throw new Error(`pending migrations: ${pending.join(', ')}`);
  }
}
