import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatform } from '@promptops/api/composition';
import { createLogger, loadConfig } from '@promptops/config';
import { createOrm, createTestDatabase, PromptExecution } from '@promptops/db';
import { startFakeOpenAiServer } from '@promptops/providers/testing';
import { removeKeysWithPrefix } from '@promptops/queue';
import { FAST_WORKER, startTestPipeline, type TestPipeline } from './testing/start-test-pipeline';
import { startTcpProxy } from './testing/tcp-proxy';
import { startPrivateRedis } from './testing/private-redis';
import { until } from './testing/until';
import { startWorkerRuntime } from './worker-runtime';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function statuses(p: Pick<TestPipeline, 'db'>, ids: string[]): Promise<Record<string, number>> {
  const rows = await p.db.orm.em.fork().find(PromptExecution, { id: { $in: ids } }, { fields: ['status'] });
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}

async function submitMany(p: TestPipeline, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const response = await p.call('POST', '/v1/executions', { user_prompt: `job ${i}`, provider: 'fake' });
    expect(response.status).toBe(202);
    ids.push(response.body.id);
  }
  return ids;
}

describe('nothing lost, nothing twice', () => {
  it('finishes every execution exactly once after a worker is killed with SIGKILL mid-job', async () => {
    const p = await startTestPipeline({}, { worker: false });
    cleanups.push(() => p.close());
    // biome-ignore lint/suspicious/noThenProperty: `then` is the behaviour chained after the delay, not a thenable.
    p.fake.setDefault({ type: 'delay', latencyMs: 2500, then: { type: 'default' } });
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./testing/worker-process.ts', import.meta.url))], {
      env: { ...process.env, DATABASE_URL: p.db.databaseUrl, QUEUE_PREFIX: p.config.queuePrefix, LOG_LEVEL: 'silent', ...providerEnv(p) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(() => child.kill('SIGKILL'));
    await once(child.stdout!, 'data');
    const ids = await submitMany(p, 4);
    await until(async () => (await statuses(p, ids)).running === 4, 15_000, 'the child worker to pick up every job');
    child.kill('SIGKILL');
    await once(child, 'exit');

    p.fake.setDefault({ type: 'default' });
    p.startWorker();
    await until(async () => (await statuses(p, ids)).succeeded === 4, 30_000, 'recovery of the killed jobs');
    const rows = await p.db.orm.em.fork().find(PromptExecution, { id: { $in: ids } }, { fields: ['finished_at', 'attempts'] });
    expect(rows.every((row) => row.finished_at && row.attempts === 1)).toBe(true);
  }, 60_000);

  it('lets running jobs finish when the worker command receives SIGTERM, even twice in a row', async () => {
    const p = await startTestPipeline({}, { worker: false });
    cleanups.push(() => p.close());
    // biome-ignore lint/suspicious/noThenProperty: `then` is the behaviour chained after the delay, not a thenable.
    p.fake.setDefault({ type: 'delay', latencyMs: 1500, then: { type: 'default' } });
    const cli = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'worker'], {
      env: { ...process.env, DATABASE_URL: p.db.databaseUrl, QUEUE_PREFIX: p.config.queuePrefix, LOG_LEVEL: 'info', ...providerEnv(p) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(() => child.kill('SIGKILL'));
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // tsx compiles the whole CLI on a cold start: on a loaded machine that alone takes 15 s.
    await until(async () => output.includes('worker started'), 45_000, 'the worker command to start');
    const ids = await submitMany(p, 2);
    await until(async () => (await statuses(p, ids)).running === 2, 15_000, 'the worker to pick up both jobs');
    child.kill('SIGTERM');
    // Under `npm start`, tsx relays a signal the process already got: the echo must not cut the drain short.
    await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(await statuses(p, ids)).toEqual({ succeeded: 2 });
    expect(output).toContain('shutting down gracefully');
  }, 90_000);

  it('rebuilds the queue from PostgreSQL after Redis restarts and loses all its data', async () => {
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.stop());
    const p = await startTestPipeline({ REDIS_URL: redis.url }, { worker: false });
    cleanups.push(() => p.close());
    const ids = await submitMany(p, 6);
    const waiting = await p.queues.executions.getWaitingCount();
    expect(waiting).toBe(6);

    await redis.restartEmpty(p.redis);
    expect(await p.queues.executions.getWaitingCount()).toBe(0);

    p.startWorker();
    await until(async () => (await statuses(p, ids)).succeeded === 6, 30_000, 'the reconciler to requeue every execution');
    expect(await p.db.orm.em.fork().count(PromptExecution, { id: { $in: ids }, enqueue_count: { $gte: 1 } })).toBe(6);
  }, 60_000);

  it('completes executions when PostgreSQL is briefly unreachable mid-job', async () => {
    const db = await createTestDatabase();
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: 5432 });
    const fake = await startFakeOpenAiServer({ latencyMs: 800 });
    const proxiedUrl = new URL(db.databaseUrl);
    proxiedUrl.port = String(proxy.port);
    const orm = await createOrm(proxiedUrl.toString(), { poolMax: 10 });
    const config = loadConfig({
      DATABASE_URL: proxiedUrl.toString(),
      LOG_LEVEL: 'silent',
      QUEUE_PREFIX: `test-pg-${Date.now()}`,
      LLM_PROVIDERS: JSON.stringify([{ name: 'fake', base_url: fake.url, default_model: 'gpt-4o-mini' }]),
    });
    const platform = await createPlatform(config, createLogger({ level: 'silent' }), { orm });
    const runtime = startWorkerRuntime(platform, FAST_WORKER);
    cleanups.push(async () => {
      await runtime.close();
      // Closed first, or a queue could write its meta key after the removal (see createTestApp).
      await platform.queues.close();
      await removeKeysWithPrefix(platform.redis, config.queuePrefix);
      await platform.close();
      await orm.close(true);
      await proxy.close();
      await fake.close();
      await db.drop();
    });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await platform.services.executions.submit({ user_prompt: `job ${i}`, provider: 'fake' })).execution.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await proxy.restore();
    await until(async () => (await statuses({ db }, ids)).succeeded === 5, 40_000, 'executions to finish after the outage');
  }, 60_000);
});

function providerEnv(p: TestPipeline): Record<string, string> {
  return {
    LLM_PROVIDERS: JSON.stringify([{ name: 'fake', base_url: p.fake.url, supports_json_schema: true, default_model: 'gpt-4o-mini' }]),
    PROVIDER_TIMEOUT_MS: '10000',
  };
}
