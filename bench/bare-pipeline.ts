/**
 * The hops an execution takes, with nothing of the product in them: a Hono route that inserts the
 * request's JSON into PostgreSQL and adds a BullMQ job for it, and a BullMQ worker that writes a
 * result back to the row. No authentication, validation, limits, idempotency, rendering, provider,
 * output schema, rollups, telemetry or logging, and one statement per row (no group commit). It
 * measures what the architecture itself (HTTP → PostgreSQL → queue → worker → PostgreSQL on these
 * libraries) costs on this machine, so end-to-end ÷ raw can be read against it. Without a database
 * (`databaseUrl` undefined) the route only adds the job and the worker does nothing: the cost of the
 * HTTP hop alone.
 */
import { Queue, Worker } from 'bullmq';
import { Hono } from 'hono';
import pg from 'pg';
import { startApiServer } from '@promptops/api';
import { createRedisConnection, removeKeysWithPrefix } from '@promptops/queue';

export interface BarePipeline {
  url: string;
  /** Jobs the worker has finished so far. */
  finished(): number;
  close(): Promise<void>;
}

export async function startBarePipeline(options: { databaseUrl?: string; redisUrl: string; prefix: string; concurrency: number }): Promise<BarePipeline> {
  const pool = options.databaseUrl === undefined ? undefined : new pg.Pool({ connectionString: options.databaseUrl, max: 2 * options.concurrency });
  await pool?.query(`create table bare_jobs (id bigserial primary key, input jsonb not null, status text not null, output jsonb)`);
  let submitted = 0;
  const insert = async (input: unknown) => {
    if (pool === undefined) return String(++submitted);
    const { rows } = await pool.query<{ id: string }>(`insert into bare_jobs (input, status) values ($1, 'queued') returning id`, [input]);
    return rows[0]!.id;
  };
  const producer = createRedisConnection(options.redisUrl, 'bench-bare-producer');
  const consumer = createRedisConnection(options.redisUrl, 'bench-bare-consumer');
  const queue = new Queue('bare', { connection: producer, prefix: options.prefix });
  const app = new Hono().post('/jobs', async (c) => {
    const id = await insert(await c.req.json());
    await queue.add('run', { id }, { jobId: `bare-${id}`, removeOnComplete: true });
    return c.json({ id, status: 'queued' }, 202);
  });
  let finished = 0;
  const worker = new Worker(
    'bare',
    async (job) => {
      await pool?.query(`update bare_jobs set status = 'succeeded', output = $2 where id = $1`, [job.data.id, { text: 'ok' }]);
    },
    { connection: consumer, prefix: options.prefix, concurrency: options.concurrency },
  );
  worker.on('completed', () => finished++);
  await worker.waitUntilReady();
  const server = await startApiServer(app, { host: '127.0.0.1', port: 0 });
  return {
    url: server.url,
    finished: () => finished,
    async close() {
      await server.close();
      await worker.close();
      await queue.close();
      await removeKeysWithPrefix(producer, options.prefix);
      producer.disconnect();
      consumer.disconnect();
      await pool?.end();
    },
  };
}
