import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@promptops/db';
import { ExecutionLifecycle } from './execution-lifecycle';
import type { ExecutionResult } from './execution-sql';

let db: TestDatabase;
let lifecycle: ExecutionLifecycle;

beforeAll(async () => {
  db = await createTestDatabase();
  lifecycle = new ExecutionLifecycle(() => db.orm.em.fork(), 4000);
});
afterAll(async () => {
  await db.drop();
});

const sql = <T>(query: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute<T[]>(query, params);

/** A raw execution submitted a minute ago, as the API would have saved it. */
async function submitted(): Promise<string> {
  const id = crypto.randomUUID();
  await sql(
    `insert into prompt_executions (id, kind, input_context, provider, model, rendered_user_prompt, executed_at)
     values (?, 'raw', '{}', 'mock', 'mock-model', 'Hello', now() - interval '1 minute')`,
    [id],
  );
  return id;
}

async function row(id: string) {
  const [found] = await sql<{
    status: string;
    worker_id: string | null;
    attempts: number;
    enqueue_count: number;
    failure_kind: string | null;
    error_message: string | null;
    response_text: string | null;
    total_tokens: number;
    finished_at: Date | null;
  }>(
    `select status, worker_id, attempts, enqueue_count, failure_kind, error_message, response_text, total_tokens, finished_at from prompt_executions where id = ?`,
    [id],
  );
  if (!found) throw new Error(`execution ${id} is gone`);
  return found;
}

const ageHeartbeat = (id: string) => sql(`update prompt_executions set heartbeat_at = now() - interval '1 minute' where id = ?`, [id]);

const result: ExecutionResult = {
  status: 'succeeded',
  failure_kind: null,
  error_message: null,
  rendered_system_prompt: null,
  rendered_user_prompt: 'Hello',
  response_text: 'Hi there',
  parsed_output: null,
  prompt_tokens: 3,
  completion_tokens: 2,
  cost_usd: null,
  execution_time_ms: 12,
  attempt_log: [{ attempt: 1, started_at: new Date().toISOString(), duration_ms: 12, outcome: 'succeeded' }],
};

describe('ExecutionLifecycle', () => {
  it('lets exactly one worker claim a queued row, and another take it over only once its heartbeat is stale', async () => {
    const id = await submitted();
    const claimed = await lifecycle.claim(id, 'worker-a');
    expect(claimed).toMatchObject({ id, kind: 'raw', rendered_user_prompt: 'Hello', attempt_log: [], run_id: null });
    expect(await lifecycle.claim(id, 'worker-b')).toBeNull();
    await ageHeartbeat(id);
    expect(await lifecycle.claim(id, 'worker-b')).toMatchObject({ id });
    expect(await row(id)).toMatchObject({ status: 'running', worker_id: 'worker-b' });
  });

  it('claims concurrently without ever handing one row to two workers', async () => {
    const id = await submitted();
    const claims = await Promise.all(['w1', 'w2', 'w3', 'w4', 'w5', 'w1'].map((worker) => lifecycle.claim(id, worker)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('only lets the holder beat, release and finish; a finished row stays finished', async () => {
    const id = await submitted();
    await lifecycle.claim(id, 'holder');
    await lifecycle.release(id, 'intruder', [], 'nope');
    expect(await row(id)).toMatchObject({ status: 'running', worker_id: 'holder' });
    expect(await lifecycle.finish({ id, template_id: null }, 'intruder', result)).toBe(false);

    await lifecycle.release(id, 'holder', result.attempt_log, '503 from the provider');
    expect(await row(id)).toMatchObject({ status: 'queued', worker_id: null, attempts: 1, error_message: '503 from the provider' });
    expect(await lifecycle.finish({ id, template_id: null }, 'holder', result)).toBe(false);

    await lifecycle.claim(id, 'holder');
    expect(await lifecycle.finish({ id, template_id: null }, 'holder', result)).toBe(true);
    expect(await row(id)).toMatchObject({ status: 'succeeded', worker_id: null, response_text: 'Hi there', total_tokens: 5, attempts: 1 });
    expect(await lifecycle.claim(id, 'holder')).toBeNull();
    expect(await lifecycle.cancel(id, 'too late')).toBe(false);
    expect(await lifecycle.finish({ id, template_id: null }, 'holder', { ...result, status: 'failed' })).toBe(false);
    expect((await row(id)).status).toBe('succeeded');
  });

  it('refuses to finish into a status the table does not allow', async () => {
    const id = await submitted();
    await lifecycle.claim(id, 'holder');
    expect(await lifecycle.finish({ id, template_id: null }, 'holder', { ...result, status: 'cancelled' as never })).toBe(false);
    expect((await row(id)).status).toBe('running');
  });

  it('cancels queued and running rows; a worker that finishes afterwards learns it lost', async () => {
    const queued = await submitted();
    expect(await lifecycle.cancel(queued, 'cancelled by request')).toBe(true);
    expect(await row(queued)).toMatchObject({ status: 'cancelled', failure_kind: 'cancelled', error_message: 'cancelled by request' });

    const running = await submitted();
    await lifecycle.claim(running, 'holder');
    expect(await lifecycle.cancel(running, 'cancelled by request')).toBe(true);
    expect(await lifecycle.finish({ id: running, template_id: null }, 'holder', result)).toBe(false);
    expect(await row(running)).toMatchObject({ status: 'cancelled', response_text: null });
  });

  it('finishes concurrent rows together, each answered for itself', async () => {
    const ids = await Promise.all(Array.from({ length: 24 }, () => submitted()));
    await Promise.all(ids.map((id, index) => lifecycle.claim(id, index % 2 === 0 ? 'even' : 'odd')));
    const stolen = ids[5] as string;
    await lifecycle.cancel(stolen, 'cancelled meanwhile');
    // Two workers' finishes, one for a row another worker holds and one for a cancelled row, all at once.
    const answers = await Promise.all(
      ids.map((id, index) => lifecycle.finish({ id, template_id: null }, index === 3 ? 'even' : index % 2 === 0 ? 'even' : 'odd', result)),
    );
    expect(answers).toEqual(ids.map((_, index) => index !== 3 && index !== 5));
    expect((await Promise.all(ids.map(row))).map((found) => found.status)).toEqual(
      ids.map((_, index) => (index === 3 ? 'running' : index === 5 ? 'cancelled' : 'succeeded')),
    );
  });

  it('recovers stranded rows once and gives up on rows re-enqueued too often', async () => {
    const queued = await submitted();
    const running = await submitted();
    await lifecycle.claim(running, 'dead-worker');
    expect((await lifecycle.stranded(0, 100)).map((stranded) => stranded.id)).toContain(queued);
    expect((await lifecycle.stranded(0, 100)).map((stranded) => stranded.id)).not.toContain(running);
    expect(await lifecycle.recover(running, 'running')).toBe(false);

    await ageHeartbeat(running);
    expect((await lifecycle.stranded(0, 100)).map((stranded) => stranded.id)).toContain(running);
    expect(await lifecycle.recover(running, 'running')).toBe(true);
    expect(await lifecycle.recover(running, 'running')).toBe(false);
    expect(await row(running)).toMatchObject({ status: 'queued', worker_id: null, enqueue_count: 1 });

    expect(await lifecycle.abandon(queued)).toBe(true);
    expect(await row(queued)).toMatchObject({ status: 'failed', failure_kind: 'provider', error_message: 'gave up after 0 re-enqueues' });
    expect(await lifecycle.abandon(queued)).toBe(false);
  });
});
