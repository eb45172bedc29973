import { pendingMigrations } from '@promptops/db';
import type { StatusCounts } from '@promptops/telemetry';
import type { DomainDeps } from '../domain-deps';
import { withTimeout } from '../with-timeout';

/** Probes must answer well within a kubelet/compose timeout even while PostgreSQL hangs. */
const CHECK_TIMEOUT_MS = 2000;

/**
 * Rows per status, every enum value listed (0 when empty); each count is an index-only scan. Raw:
 * the statuses come from the enum types (unnest(enum_range(...))), which the QueryBuilder cannot select from.
 */
const STATUS_COUNTS_SQL = `
  select 'executions' as source, s::text as status, (select count(*) from prompt_executions e where e.status = s) as n
    from unnest(enum_range(null::execution_status)) s
  union all
  select 'evaluation_runs', s::text, (select count(*) from evaluation_runs r where r.status = s)
    from unnest(enum_range(null::evaluation_run_status)) s`;

export class HealthService {
  constructor(private readonly deps: DomainDeps) {}

  /** Throws unless PostgreSQL answers and every migration is applied. */
  async checkDatabase(): Promise<void> {
    const check = async () => {
      // Raw: a ping, not a query on an entity.
      await this.deps.orm.em.getConnection().execute('select 1');
      const pending = await pendingMigrations(this.deps.orm);
      if (pending.length > 0) throw new Error(`pending migrations: ${pending.join(', ')}`);
    };
    await withTimeout(check(), CHECK_TIMEOUT_MS, 'database did not answer within 2 s');
  }

  /** Throws unless Redis, which carries every queue, answers. */
  async checkQueues(): Promise<void> {
    await withTimeout(this.deps.queues.executions.getWaitingCount(), CHECK_TIMEOUT_MS, 'redis did not answer within 2 s');
  }

  /**
   * Executions and evaluation runs per status, for the /metrics gauges. A statement timeout stops a
   * slow count on the server side; the caller bounds the wait for a connection.
   */
  async statusCounts(): Promise<StatusCounts> {
    const rows = await this.deps.orm.em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const ctx = tx.getTransactionContext();
      await connection.execute(`set local statement_timeout = ${CHECK_TIMEOUT_MS}`, [], 'run', ctx);
      return connection.execute<{ source: string; status: string; n: string }[]>(STATUS_COUNTS_SQL, [], 'all', ctx);
    });
    const counts: StatusCounts = { executions: {}, evaluationRuns: {} };
    for (const row of rows) (row.source === 'executions' ? counts.executions : counts.evaluationRuns)[row.status] = Number(row.n);
    return counts;
  }
}
