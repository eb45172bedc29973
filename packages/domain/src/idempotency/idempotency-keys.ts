import type { EntityManager } from '@mikro-orm/postgresql';
import { IdempotencyKey } from '@promptops/db';
import { IdempotencyKeyReusedError } from '@promptops/errors';
import type { DomainDeps } from '../domain-deps';
import type { IdempotencyClaim } from './idempotency-claim';

/** What a key created. */
export type IdempotentTarget = { execution_id: string } | { run_id: string };

/** Expired keys deleted by each claim, so the table holds about one TTL's worth of keys. */
const SWEEP_BATCH = 100;

/** Thrown inside the creating transaction to roll it back when another request holds the key. */
class KeyTaken extends Error {}

/**
 * Idempotency keys in PostgreSQL: a key is claimed in the same transaction that creates its
 * execution or run, so either both exist or neither does, and two requests racing with the same
 * key create one thing between them (the second waits on the first's row, then replays it).
 */
export class IdempotencyKeys {
  constructor(private readonly deps: DomainDeps) {}

  /**
   * What the claim's key created while it has not expired, or null. A key sent before with another
   * body is refused: answering with what that request created would answer a different request.
   */
  async find(claim: IdempotencyClaim): Promise<IdempotentTarget | null> {
    const row: { fingerprint: string; execution_id: string | null; run_id: string | null } | undefined = await this.deps.orm.em
      .fork()
      .createQueryBuilder(IdempotencyKey, 'k')
      .select(['k.fingerprint', 'k.execution', 'k.run'])
      .where({ scope: claim.scope, key: claim.key })
      .andWhere('k.expires_at > now()')
      .execute('get', false);
    if (!row) return null;
    if (row.fingerprint !== claim.fingerprint) {
      throw new IdempotencyKeyReusedError('This Idempotency-Key was already used with a different request body; use a new key for a new request', {
        scope: claim.scope,
      });
    }
    return row.execution_id ? { execution_id: row.execution_id } : { run_id: row.run_id as string };
  }

  /**
   * Runs `create` in a transaction that first claims the key (when there is one) for `target`.
   * Answers null, keeping nothing, when another request holds the key; `find` then gives what it made.
   */
  async createOnce<T>(claim: IdempotencyClaim | undefined, target: IdempotentTarget, create: (tx: EntityManager) => Promise<T>): Promise<T | null> {
    try {
      return await this.deps.orm.em.fork().transactional(async (tx) => {
        if (claim && !(await this.claim(tx, claim, target))) throw new KeyTaken();
        return create(tx);
      });
    } catch (error) {
      if (error instanceof KeyTaken) return null;
      throw error;
    }
  }

  /**
   * Inserts the key, or takes over an expired one; false when a live one exists. A concurrent
   * insert of the same key makes this wait for that transaction: committed, it holds the key.
   */
  private async claim(tx: EntityManager, claim: IdempotencyClaim, target: IdempotentTarget): Promise<boolean> {
    const connection = tx.getConnection();
    const ctx = tx.getTransactionContext();
    // Raw: FOR UPDATE SKIP LOCKED, so concurrent claims sweep different expired keys instead of waiting.
    await connection.execute(
      `delete from idempotency_keys where (scope, key) in
         (select scope, key from idempotency_keys where expires_at <= now() order by expires_at limit ${SWEEP_BATCH} for update skip locked)`,
      [],
      'run',
      ctx,
    );
    // Raw: an upsert that takes over a key only once it has expired (ON CONFLICT ... DO UPDATE ... WHERE).
    const claimed = await connection.execute<{ scope: string }[]>(
      `insert into idempotency_keys (scope, key, fingerprint, execution_id, run_id, created_at, expires_at)
       values (?, ?, ?, ?, ?, now(), now() + make_interval(hours => ?))
       on conflict (scope, key) do update
         set fingerprint = excluded.fingerprint, execution_id = excluded.execution_id, run_id = excluded.run_id,
             created_at = excluded.created_at, expires_at = excluded.expires_at
         where idempotency_keys.expires_at <= now()
       returning scope`,
      [
        claim.scope,
        claim.key,
        claim.fingerprint,
        'execution_id' in target ? target.execution_id : null,
        'run_id' in target ? target.run_id : null,
        this.deps.config.idempotencyTtlHours,
      ],
      'all',
      ctx,
    );
    return claimed.length > 0;
  }
}
