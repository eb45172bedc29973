/**
 * End-to-end executions per second (HTTP API → PostgreSQL → BullMQ → worker → mock provider with
 * zero latency → PostgreSQL) beside raw BullMQ no-op jobs per second, measured in the same run on
 * the same machine with the same worker concurrency and client concurrency. Between them, two bare
 * pipelines on the same libraries (bare-pipeline.ts) show what each hop costs without the product:
 * HTTP in front of the queue, then the two PostgreSQL writes. In all of them the clients run in a
 * process of their own (load-generator.ts) and the process measured holds the consumer.
 *
 *   npx tsx bench/execution-throughput.ts [--jobs 10000] [--warmup 500] [--concurrency 32]
 *   node --cpu-prof --import tsx bench/execution-throughput.ts   # also prints each phase's profile window
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'bullmq';
import { createTestDatabase } from '@promptops/db';
import { createRedisConnection, removeKeysWithPrefix } from '@promptops/queue';
import { startWorkerRuntime } from '@promptops/worker';
import { startBarePipeline } from './bare-pipeline';
import { startBenchApi } from './bench-api';
import { percentile, printTable, until } from './bench-support';
import { commandCpuMs, cpuMeter, processCpuMs } from './proc-stats';
import type { LoadTarget } from './load-generator';

const { values } = parseArgs({
  options: { jobs: { type: 'string', default: '10000' }, warmup: { type: 'string', default: '500' }, concurrency: { type: 'string', default: '32' } },
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
/** `window` is the measured phase in process.hrtime µs, the clock V8 stamps `--cpu-prof` profiles with. */
type Measured = { seconds: number; latencies: number[]; cpu: Record<string, number>; window: { fromUs: bigint; toUs: bigint } };

/**
 * Warms up with `warmup` jobs, then measures `jobs` more: wall time from the first submission to the
 * last job finished, each submission's latency, and CPU per job by process.
 */
async function measure(what: string, submit: (count: number) => Promise<number[]>, finished: () => Promise<number>): Promise<Measured> {
  await submit(warmup);
  await until(async () => (await finished()) >= warmup, 300_000, `${what} warm-up`);
  const started = performance.now();
  const fromUs = process.hrtime.bigint() / 1000n;
  const meter = cpuMeter(cpuSources);
  const latencies = await submit(jobs);
  await until(async () => (await finished()) >= warmup + jobs, 300_000, what);
  const window = { fromUs, toUs: process.hrtime.bigint() / 1000n };
  return { seconds: (performance.now() - started) / 1000, latencies, cpu: meter.stop(jobs), window };
}

async function rawBullmq(): Promise<Measured> {
  const connection = createRedisConnection(redisUrl, 'bench-raw');
  let completed = 0;
  const worker = new Worker('raw-noop', async () => undefined, { connection, prefix, concurrency });
  worker.on('completed', () => completed++);
  await worker.waitUntilReady();
  const measured = await measure(
    'raw jobs',
    (count) => load({ kind: 'bullmq', redisUrl, prefix, queue: 'raw-noop' }, count),
    async () => completed,
  );
  await worker.close();
  await removeKeysWithPrefix(connection, prefix);
  connection.disconnect();
  return measured;
}

/** The bare hops (bare-pipeline.ts): with PostgreSQL, or only HTTP in front of the queue. */
async function barePipeline(withDatabase: boolean): Promise<Measured> {
  const db = withDatabase ? await createTestDatabase() : undefined;
  measuredDatabase = db ? new URL(db.databaseUrl).pathname.slice(1) : '';
  const bare = await startBarePipeline({ databaseUrl: db?.databaseUrl, redisUrl, prefix: `${prefix}-bare`, concurrency });
  const measured = await measure(
    'bare jobs',
    (count) => load({ kind: 'http', url: `${bare.url}/jobs`, body: { template_id: 'bare', context: { word: 'hello' } } }, count),
    async () => bare.finished(),
  );
  await bare.close();
  await db?.drop();
  return measured;
}

async function endToEnd(): Promise<Measured> {
  const db = await createTestDatabase();
  measuredDatabase = new URL(db.databaseUrl).pathname.slice(1);
  const api = await startBenchApi(db.databaseUrl, { queuePrefix: `${prefix}-e2e`, poolMax: 2 * concurrency });
  const runtime = startWorkerRuntime(api.platform, { concurrency });
  const measured = await measure(
    'executions',
    (count) => load({ kind: 'http', url: `${api.url}/v1/executions`, body: { template_id: api.template.id, context: { word: 'hello' } } }, count),
    async () => (await api.finished()).succeeded,
  );
  await runtime.close();
  await api.close();
  await db.drop();
  return measured;
}

const raw = await rawBullmq();
const http = await barePipeline(false);
const bare = await barePipeline(true);
const e2e = await endToEnd();
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const rate = (measured: Measured) => jobs / measured.seconds;
const paths: [string, Measured][] = [
  ['raw BullMQ no-op (add → process)', raw],
  ['bare HTTP → queue → no-op worker', http],
  ['bare hops (HTTP → PG → queue → worker → PG, nothing else)', bare],
  ['end to end (HTTP → PG → queue → worker → PG)', e2e],
];
printTable(
  `Throughput, ${jobs} jobs, concurrency ${concurrency} (client and worker)`,
  paths.map(([path, measured]) => ({
    path,
    'jobs/s': rate(measured).toFixed(0),
    '÷ raw': (rate(measured) / rate(raw)).toFixed(2),
    'wall s': measured.seconds.toFixed(2),
    'add p50 ms': percentile(sorted(measured.latencies), 50).toFixed(2),
    'add p99 ms': percentile(sorted(measured.latencies), 99).toFixed(2),
  })),
);
printTable(
  'CPU ms per job, by process (from /proc; PostgreSQL: its backends for the benchmark database; Redis counted whole)',
  paths.map(([path, measured]) => ({
    path,
    ...Object.fromEntries(Object.entries(measured.cpu).map(([source, ms]) => [source, ms.toFixed(3)])),
    total: Object.values(measured.cpu)
      .reduce((sum, ms) => sum + ms, 0)
      .toFixed(3),
  })),
);
process.stdout.write(
  `\nend-to-end / raw = ${(rate(e2e) / rate(raw)).toFixed(2)} (target ≥ 0.50); bare hops / raw = ${(rate(bare) / rate(raw)).toFixed(2)}; ` +
    `end-to-end / bare hops = ${(rate(e2e) / rate(bare)).toFixed(2)}. "add" is submission latency: queue.add for raw, the POST for the others\n`,
);
if (process.execArgv.some((flag) => flag.startsWith('--cpu-prof'))) {
  process.stdout.write('\nProfile windows, for bench/profile-summary.ts PROFILE --executions N --from µs --to µs:\n');
  for (const [path, { window }] of paths) process.stdout.write(`  ${path}: --executions ${jobs} --from ${window.fromUs} --to ${window.toUs}\n`);
}
loadGenerator.disconnect();
process.exit(0);
