/**
 * End-to-end executions per second (HTTP API → PostgreSQL → BullMQ → worker → mock provider with
 * zero latency → PostgreSQL) beside raw BullMQ no-op jobs per second, measured in the same run on
 * the same machine with the same worker concurrency and client concurrency. In both, the clients
 * run in a process of their own (load-generator.ts) and the process measured holds the consumer.
 *
 *   npx tsx bench/execution-throughput.ts [--jobs 2000] [--concurrency 32]
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'bullmq';
import { createTestDatabase } from '@promptops/db';
import { createRedisConnection, removeKeysWithPrefix } from '@promptops/queue';
import { startWorkerRuntime } from '@promptops/worker';
import { startBenchApi } from './bench-api';
import { percentile, printTable, until } from './bench-support';
import { commandCpuMs, cpuMeter, processCpuMs } from './proc-stats';
import type { LoadTarget } from './load-generator';

const { values } = parseArgs({
  options: { jobs: { type: 'string', default: '3000' }, warmup: { type: 'string', default: '500' }, concurrency: { type: 'string', default: '32' } },
});
const jobs = Number(values.jobs);
/** Jobs run first and not measured, so JIT compilation and connection set-up do not count. */
const warmup = Number(values.warmup);
const concurrency = Number(values.concurrency);
const prefix = `bench-${Date.now()}`;
const redisUrl = 'redis://127.0.0.1:6379';

const loadGenerator = fork(fileURLToPath(new URL('./load-generator.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
await once(loadGenerator, 'message');
/** Has the load generator make `count` submissions, `concurrency` at a time; returns their latencies in ms. */
async function load(target: LoadTarget, count: number): Promise<number[]> {
  loadGenerator.send({ ...target, count, concurrency });
  const [reply] = (await once(loadGenerator, 'message')) as [{ latencies?: number[]; error?: string }];
  if (reply.error !== undefined || !reply.latencies) throw new Error(`load generator: ${reply.error}`);
  return reply.latencies;
}

/** The database end to end runs on, whose backends' CPU counts (named in their process titles; none for raw jobs). */
let measuredDatabase = '';
/** Where each measured job's CPU goes: the process holding the consumer (and, end to end, the API), the clients, PostgreSQL, Redis. */
const cpuSources = {
  consumer: () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
  clients: () => processCpuMs(loadGenerator.pid as number),
  postgres: () => (measuredDatabase ? commandCpuMs('postgres', ` ${measuredDatabase} `) : 0),
  redis: () => commandCpuMs('redis-server'),
};
type Measured = { seconds: number; latencies: number[]; cpu: Record<string, number> };

async function rawBullmq(): Promise<Measured> {
  const connection = createRedisConnection(redisUrl, 'bench-raw');
  let completed = 0;
  const worker = new Worker('raw-noop', async () => undefined, { connection, prefix, concurrency });
  worker.on('completed', () => completed++);
  await worker.waitUntilReady();
  const addAll = (count: number) => load({ kind: 'bullmq', redisUrl, prefix, queue: 'raw-noop' }, count);
  await addAll(warmup);
  await until(async () => completed >= warmup, 120_000, 'raw warm-up jobs');
  const started = performance.now();
  const meter = cpuMeter(cpuSources);
  const latencies = await addAll(jobs);
  await until(async () => completed >= warmup + jobs, 120_000, 'raw jobs');
  const seconds = (performance.now() - started) / 1000;
  const cpu = meter.stop(jobs);
  await worker.close();
  await removeKeysWithPrefix(connection, prefix);
  connection.disconnect();
  return { seconds, latencies, cpu };
}

async function endToEnd(): Promise<Measured> {
  const db = await createTestDatabase();
  measuredDatabase = new URL(db.databaseUrl).pathname.slice(1);
  const api = await startBenchApi(db.databaseUrl, { queuePrefix: `${prefix}-e2e`, poolMax: 2 * concurrency });
  const runtime = startWorkerRuntime(api.platform, { concurrency });
  const count = async () => (await api.finished()).succeeded;
  const submitAll = (count: number) =>
    load({ kind: 'http', url: `${api.url}/v1/executions`, body: { template_id: api.template.id, context: { word: 'hello' } } }, count);
  await submitAll(warmup);
  await until(async () => (await count()) >= warmup, 300_000, 'warm-up executions');
  const started = performance.now();
  const meter = cpuMeter(cpuSources);
  const latencies = await submitAll(jobs);
  await until(async () => (await count()) >= warmup + jobs, 300_000, 'executions');
  const seconds = (performance.now() - started) / 1000;
  const cpu = meter.stop(jobs);
  await runtime.close();
  await api.close();
  await db.drop();
  return { seconds, latencies, cpu };
}

const raw = await rawBullmq();
const e2e = await endToEnd();
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const rawRate = jobs / raw.seconds;
const e2eRate = jobs / e2e.seconds;
printTable(`Throughput, ${jobs} jobs, concurrency ${concurrency} (client and worker)`, [
  {
    path: 'raw BullMQ no-op (add → process)',
    'jobs/s': rawRate.toFixed(0),
    'wall s': raw.seconds.toFixed(2),
    'add p50 ms': percentile(sorted(raw.latencies), 50).toFixed(2),
    'add p99 ms': percentile(sorted(raw.latencies), 99).toFixed(2),
  },
  {
    path: 'end to end (HTTP → PG → queue → worker → PG)',
    'jobs/s': e2eRate.toFixed(0),
    'wall s': e2e.seconds.toFixed(2),
    'add p50 ms': percentile(sorted(e2e.latencies), 50).toFixed(2),
    'add p99 ms': percentile(sorted(e2e.latencies), 99).toFixed(2),
  },
]);
const cpuRow = (path: string, cpu: Record<string, number>) => ({
  path,
  ...Object.fromEntries(Object.entries(cpu).map(([source, ms]) => [source, ms.toFixed(3)])),
  total: Object.values(cpu)
    .reduce((sum, ms) => sum + ms, 0)
    .toFixed(3),
});
printTable('CPU ms per job, by process (from /proc; PostgreSQL: its backends for the benchmark database; Redis counted whole)', [
  cpuRow('raw BullMQ no-op', raw.cpu),
  cpuRow('end to end', e2e.cpu),
]);
process.stdout.write(
  `\nend-to-end / raw = ${(e2eRate / rawRate).toFixed(2)} (target ≥ 0.50); "add" is submission latency: queue.add for raw, POST /v1/executions for end to end\n`,
);
loadGenerator.disconnect();
process.exit(0);
