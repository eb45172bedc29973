/**
 * Horizontal scale: executions per second with 1, 2 and 4 worker processes (scale-worker.ts, each
 * a separate OS process running startWorkerRuntime as the `worker` command does) against the mock
 * provider answering after `--latency` ms. Each process takes `--concurrency` jobs at once, so its
 * ideal is concurrency × 1000 / latency executions/s: with the defaults (16, 100 ms) the latency, not
 * the CPU, bounds one process at 160/s, and the curve shows where the machine's cores take over.
 *
 * Executions are submitted through the API (served by this process) by clients in a process of their
 * own (load-generator.ts) before each round, while no worker runs, so the round measures the workers
 * alone draining a backlog larger than they can finish: after a warm-up, the rate over `--seconds`.
 * Beside each rate: the CPU the worker processes used (in cores) and how idle the whole machine was.
 *
 *   npx tsx bench/horizontal-scale.ts [--processes 1,2,4] [--concurrency 16] [--latency 100] [--seconds 6]
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase } from '@promptops/db';
import { startBenchApi } from './bench-api';
import { printTable } from './bench-support';
import { cpuSeconds, machineTicks } from './proc-stats';
import type { LoadTarget } from './load-generator';
import type { ScaleWorkerCommand } from './scale-worker';

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '1,2,4' },
    concurrency: { type: 'string', default: '16' },
    latency: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '6' },
  },
});
const processCounts = values.processes.split(',').map(Number);
const concurrency = Number(values.concurrency);
const latencyMs = Number(values.latency);
const seconds = Number(values.seconds);
/** Unmeasured start of each round: BullMQ's first fetches and the JIT settling in new code paths. */
const WARM_MS = 1500;
/** Backlog beyond the ideal rate × round time, so no round runs dry even at the ideal. */
const BACKLOG_MARGIN = 1.2;
const CLIENT_CONCURRENCY = 64;

const db = await createTestDatabase();
const prefix = `bench-scale-${Date.now()}`;
const api = await startBenchApi(db.databaseUrl, { queuePrefix: prefix, poolMax: CLIENT_CONCURRENCY });
const { template } = api;

// Every process the largest round needs is started once, and smaller rounds use the first few.
const workers = Array.from({ length: Math.max(...processCounts) }, () =>
  fork(fileURLToPath(new URL('./scale-worker.ts', import.meta.url)), ['--latency', String(latencyMs)], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATABASE_URL: db.databaseUrl, QUEUE_PREFIX: prefix, WORKER_CONCURRENCY: String(concurrency), LOG_LEVEL: 'warn' },
  }),
);
await Promise.all(workers.map((worker) => once(worker, 'message')));
async function command(worker: ChildProcess, what: ScaleWorkerCommand): Promise<void> {
  worker.send(what);
  await once(worker, 'message');
}

const loadGenerator = fork(fileURLToPath(new URL('./load-generator.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
await once(loadGenerator, 'message');
const target: LoadTarget = { kind: 'http', url: `${api.url}/v1/executions`, body: { template_id: template.id, context: { word: 'hello' } } };
let submitted = 0;
async function submit(count: number): Promise<void> {
  loadGenerator.send({ ...target, count, concurrency: CLIENT_CONCURRENCY });
  const [reply] = (await once(loadGenerator, 'message')) as [{ error?: string }];
  if (reply.error !== undefined) throw new Error(`load generator: ${reply.error}`);
  submitted += count;
}

const finished = () => api.finished();
const done = async () => {
  const counts = await finished();
  return counts.succeeded + counts.failed;
};

interface Round {
  processes: number;
  rate: number;
  /** CPU of the worker processes, all their threads and their main threads alone, in cores. */
  workerCores: number;
  mainThreadCores: number;
  machineIdle: number;
  ranDry: boolean;
}
async function round(processes: number): Promise<Round> {
  const ideal = (processes * concurrency * 1000) / latencyMs;
  const needed = Math.ceil(ideal * (WARM_MS / 1000 + seconds) * BACKLOG_MARGIN);
  const backlog = submitted - (await done());
  if (needed > backlog) await submit(needed - backlog);
  const active = workers.slice(0, processes);
  await Promise.all(active.map((worker) => command(worker, 'start')));
  await sleep(WARM_MS);
  const reading = async () => ({
    done: await done(),
    at: performance.now(),
    cpu: active.map((worker) => cpuSeconds(worker.pid!)),
    mainCpu: active.map((worker) => cpuSeconds(worker.pid!, worker.pid!)),
    machine: machineTicks(),
  });
  const before = await reading();
  await sleep(seconds * 1000);
  const after = await reading();
  await Promise.all(active.map((worker) => command(worker, 'stop')));
  const elapsed = (after.at - before.at) / 1000;
  return {
    processes,
    rate: (after.done - before.done) / elapsed,
    workerCores: after.cpu.reduce((sum, cpu, i) => sum + cpu - before.cpu[i]!, 0) / elapsed,
    mainThreadCores: after.mainCpu.reduce((sum, cpu, i) => sum + cpu - before.mainCpu[i]!, 0) / elapsed,
    machineIdle: (after.machine.idle - before.machine.idle) / (after.machine.total - before.machine.total),
    ranDry: after.done >= submitted,
  };
}

const rounds: Round[] = [];
for (const processes of processCounts) rounds.push(await round(processes));
const { failed } = await finished();
if (failed > 0) throw new Error(`${failed} executions failed`);

const base = rounds[0]!;
printTable(
  `Executions/s by worker processes (concurrency ${concurrency} each, mock provider latency ${latencyMs} ms, ${seconds} s measured per row)`,
  rounds.map((r) => {
    const ideal = (r.processes * concurrency * 1000) / latencyMs;
    return {
      processes: r.processes,
      'ideal/s': ideal.toFixed(0),
      'measured/s': `${r.rate.toFixed(0)}${r.ranDry ? ' (ran dry)' : ''}`,
      'of ideal': `${((100 * r.rate) / ideal).toFixed(0)} %`,
      [`speed-up vs ${base.processes}`]: (r.rate / base.rate).toFixed(2),
      'ideal speed-up': (r.processes / base.processes).toFixed(2),
      // Each job slot turns over once per (latency + the worker's own time per execution, queueing for CPU included).
      'ms per execution in a slot': ((1000 * r.processes * concurrency) / r.rate).toFixed(0),
      'worker CPU, cores': r.workerCores.toFixed(2),
      'µs CPU per execution (main thread)': `${((1e6 * r.workerCores) / r.rate).toFixed(0)} (${((1e6 * r.mainThreadCores) / r.rate).toFixed(0)})`,
      'machine idle': `${(100 * r.machineIdle).toFixed(0)} %`,
    };
  }),
);
process.stdout.write(`\ntarget: executions/s grow with the processes until the machine's cores (here ${availableParallelism()}) are the limit\n`);

loadGenerator.disconnect();
for (const worker of workers) worker.disconnect();
await Promise.all(workers.map((worker) => (worker.exitCode === null ? once(worker, 'exit') : undefined)));
await api.close();
await db.drop();
process.exit(0);
