import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestPipeline, type TestPipeline } from './testing/start-test-pipeline';
import { startPrivateRedis } from './testing/private-redis';
import { until } from './testing/until';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

const ENTRIES = 12;

async function pipelineWithDataset(env: Record<string, string> = {}): Promise<{ p: TestPipeline; datasetId: string }> {
  const p = await startTestPipeline(env, { worker: false });
  cleanups.push(() => p.close());
  await p.call('POST', '/v1/templates', {
    name: 'Echo',
    user_prompt_template: 'Echo {{ n }}',
    provider: 'fake',
    output_schema: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
  });
  const dataset = await p.call('POST', '/v1/datasets', { name: 'Numbers' });
  const entries = Array.from({ length: ENTRIES }, (_, n) => ({ input_data: { n }, expected_output: { n } }));
  expect((await p.call('POST', `/v1/datasets/${dataset.body.id}/entries/import`, entries)).status).toBe(201);
  return { p, datasetId: dataset.body.id };
}

function echo(latencyMs: number) {
  return {
    type: 'choose' as const,
    pick: (body: { messages?: { role: string; content: string }[] }) => {
      const n = Number(/Echo (\d+)/.exec(body.messages?.at(-1)?.content ?? '')?.[1]);
      return { type: 'json' as const, value: { n }, latencyMs };
    },
  };
}

async function submitRun(p: TestPipeline, datasetId: string, concurrency: number): Promise<string> {
  const response = await p.call('POST', `/v1/datasets/${datasetId}/runs`, { template: 'Echo', concurrency, scorers: [{ type: 'json_equal' }] });
  expect(response.status).toBe(202);
  return response.body.id;
}

async function runState(p: TestPipeline, runId: string) {
  return (await p.call('GET', `/v1/runs/${runId}`)).body;
}

/** Exactly one result and one execution per item, all scored and passed but `failed` of them. */
async function expectEachItemOnce(p: TestPipeline, runId: string, failed = 0): Promise<void> {
  const [row] = await p.db.orm.em
    .fork()
    .getConnection()
    .execute<{ results: string; scored: string; executions: string; items: string }[]>(
      `select (select count(*) from evaluation_results where run_id = ?) as results,
            (select count(*) from evaluation_results where run_id = ? and status = 'scored' and passed) as scored,
            (select count(*) from prompt_executions where run_id = ?) as executions,
            (select count(distinct (dataset_entry_id, repetition)) from prompt_executions where run_id = ?) as items`,
      [runId, runId, runId, runId],
    );
  expect(row).toEqual({ results: String(ENTRIES), scored: String(ENTRIES - failed), executions: String(ENTRIES), items: String(ENTRIES) });
}

describe('evaluation runs survive failures', () => {
  it('finishes a run with one result per item after its worker is killed with SIGKILL mid-run, one item cancelled meanwhile', async () => {
    const { p, datasetId } = await pipelineWithDataset();
    p.fake.setDefault(echo(2000));
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./testing/worker-process.ts', import.meta.url))], {
      env: {
        ...process.env,
        DATABASE_URL: p.db.databaseUrl,
        QUEUE_PREFIX: p.config.queuePrefix,
        LOG_LEVEL: 'silent',
        LLM_PROVIDERS: JSON.stringify([{ name: 'fake', base_url: p.fake.url, supports_json_schema: true, default_model: 'gpt-4o-mini' }]),
        PROVIDER_TIMEOUT_MS: '10000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    cleanups.push(() => child.kill('SIGKILL'));
    await once(child.stdout!, 'data');
    const runId = await submitRun(p, datasetId, 4);
    await until(async () => (await runState(p, runId)).progress.running >= 4, 15_000, 'the child worker to start four items');
    // One item's execution is cancelled on its own; its driver dies before it can record that.
    const [inFlight] = await p.db.orm.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id from prompt_executions where run_id = ? and status = 'running' limit 1`, [runId]);
    expect((await p.call('POST', `/v1/executions/${inFlight!.id}/cancel`)).body.status).toBe('cancelled');
    child.kill('SIGKILL');
    await once(child, 'exit');

    p.fake.setDefault(echo(0));
    p.startWorker();
    await until(async () => (await runState(p, runId)).status === 'completed', 40_000, 'the run to complete after the kill');
    const run = await runState(p, runId);
    expect(run).toMatchObject({ progress: { total: ENTRIES, done: ENTRIES, scored: ENTRIES - 1, failed: 1 } });
    const results = (await p.call('GET', `/v1/runs/${runId}/results?limit=100`)).body.items as {
      execution_id: string;
      status: string;
      error_message: string | null;
    }[];
    expect(results.find((result) => result.execution_id === inFlight!.id)).toMatchObject({
      status: 'failed',
      error_message: 'cancelled: the execution was cancelled',
    });
    await expectEachItemOnce(p, runId, 1);
  }, 60_000);

  it('hands a run back to the queue when its worker shuts down, after finishing the items in flight', async () => {
    const { p, datasetId } = await pipelineWithDataset();
    p.fake.setDefault(echo(400));
    const runId = await submitRun(p, datasetId, 3);
    p.startWorker();
    await until(async () => (await runState(p, runId)).progress.running >= 3, 15_000, 'the worker to start three items');
    await p.stopWorker();
    const stopped = await runState(p, runId);
    // Every item that had started was finished and recorded; the ones claimed ahead went back to pending.
    expect(stopped).toMatchObject({ status: 'running', progress: { running: 0, failed: 0 } });
    expect(stopped.progress.done).toBeGreaterThanOrEqual(3);
    expect(stopped.progress.done + stopped.progress.pending).toBe(ENTRIES);
    expect(await (await p.queues.evaluationRuns.getJob(runId))?.getState()).toBe('waiting');

    p.fake.setDefault(echo(0));
    p.startWorker();
    await until(async () => (await runState(p, runId)).status === 'completed', 30_000, 'another worker to finish the run');
    await expectEachItemOnce(p, runId);
  }, 60_000);

  it('starts and finishes a run after Redis restarts empty mid-run', async () => {
    const redis = await startPrivateRedis();
    cleanups.push(() => redis.stop());
    const { p, datasetId } = await pipelineWithDataset({ REDIS_URL: redis.url });
    p.fake.setDefault(echo(300));
    const runId = await submitRun(p, datasetId, 3);
    p.startWorker();
    await until(async () => (await runState(p, runId)).progress.done >= 3, 15_000, 'some items to finish');
    await p.stopWorker();

    await redis.restartEmpty(p.redis);
    expect(await p.queues.executions.getWaitingCount()).toBe(0);

    p.startWorker();
    await until(async () => (await runState(p, runId)).status === 'completed', 40_000, 'the reconcilers to rebuild the run');
    await expectEachItemOnce(p, runId);
  }, 60_000);

  it('keeps every finished item when PostgreSQL refuses to record results for a while', async () => {
    const { p, datasetId } = await pipelineWithDataset();
    p.fake.setDefault(echo(100));
    const connection = p.db.orm.em.fork().getConnection();
    // Every write that would record a scored item fails, as if the database were read-only.
    await connection.execute(`alter table evaluation_results add constraint refuse_scored check (status <> 'scored') not valid`);
    const runId = await submitRun(p, datasetId, 4);
    p.startWorker();
    await until(async () => (await runState(p, runId)).progress.running >= 4, 15_000, 'the worker to start four items');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await runState(p, runId)).progress.done).toBe(0);
    await connection.execute(`alter table evaluation_results drop constraint refuse_scored`);
    await until(async () => (await runState(p, runId)).status === 'completed', 30_000, 'the run to complete once writes succeed');
    await expectEachItemOnce(p, runId);
  }, 60_000);
});
