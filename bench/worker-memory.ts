/**
 * Worker memory: the real `worker` command (what `npm start` runs beside the API) in a process of its
 * own runs `--executions` executions against the mock provider with zero latency, submitted through
 * the API (served by this process) by clients in a third process (load-generator.ts). The worker's
 * RSS is read from /proc/<pid>/status every 250 ms beside the count of finished executions; the table
 * shows RSS every 1,000 executions, the maximum, and the growth after warm-up (RSS at the end minus
 * RSS at the end of warm-up, and the least-squares slope in MB per 1,000 executions). RSS swings with
 * when V8 collects, so the worker also runs with --trace-gc, and the main thread's live heap after
 * each full collection past warm-up is listed: a leak shows there as a rising floor (V8 may do none in
 * 10,000 executions; `--executions 30000` gives it room). Beside memory: the worker's CPU per execution
 * after warm-up, from /proc, for all its threads and for its main thread alone.
 * Target: ≤ 250 MB and flat (no growth after warm-up).
 *
 * `--cpu-prof` also records a V8 profile of the worker (written to `--cpu-prof-dir`) and prints where
 * its CPU went per execution after warm-up (see profile-summary.ts); the profiler itself costs
 * the worker some CPU and memory, so take RSS figures from a run without it.
 *
 *   npx tsx bench/worker-memory.ts [--executions 10000] [--warmup 2000] [--concurrency 32] [--cpu-prof] [--cpu-prof-dir .] [--from-sources]
 */
import { fork, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase } from '@promptops/db';
import { startBenchApi } from './bench-api';
import { printTable, until } from './bench-support';
import { cpuSeconds, rssMb } from './proc-stats';
import { printProfileSummary, summariseProfile } from './profile-summary';
import type { LoadTarget } from './load-generator';

const { values } = parseArgs({
  options: {
    executions: { type: 'string', default: '10000' },
    warmup: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '32' },
    'cpu-prof': { type: 'boolean', default: false },
    'cpu-prof-dir': { type: 'string', default: '.' },
    'from-sources': { type: 'boolean', default: false },
  },
});
const executions = Number(values.executions);
/** Executions after which JIT compilation, pools and caches have settled; growth is measured after. */
const warmup = Number(values.warmup);
const concurrency = Number(values.concurrency);
const TARGET_MAX_MB = 250;
const SAMPLE_EVERY_MS = 250;

const db = await createTestDatabase();
const prefix = `bench-memory-${Date.now()}`;
const api = await startBenchApi(db.databaseUrl, { queuePrefix: prefix, poolMax: 2 * concurrency });
const { template } = api;

// What production runs (the Docker image's entrypoint): the compiled bundle with plain node, built now
// from the tree; `--from-sources` runs the TypeScript through tsx instead, as `npm start` does in a checkout.
const BUNDLE = fileURLToPath(new URL('../apps/cli/dist/main.js', import.meta.url));
if (!values['from-sources']) {
  const built = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../apps/cli/scripts/build.ts', import.meta.url))], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building apps/cli/dist failed');
}

// The worker's own directory: its log, and the profile it writes on exit, found there without guessing names.
const workDir = mkdtempSync(path.join(tmpdir(), 'bench-worker-'));
const logFile = path.join(workDir, 'worker.log');
const spawnedUs = Number(process.hrtime.bigint() / 1000n);
const worker = spawn(
  process.execPath,
  [
    ...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', workDir] : []),
    // The live heap after each full collection tells a leak from V8 merely keeping memory it will reuse.
    '--trace-gc',
    ...(values['from-sources'] ? ['--import', 'tsx', fileURLToPath(new URL('../apps/cli/src/main.ts', import.meta.url))] : [BUNDLE]),
    'worker',
  ],
  {
    // Info, as in production: the worker logs a line per execution and that is part of its cost. To
    // a file, as `npm start > log` would: a pipe would make it wait for this busy process to read.
    env: { ...process.env, DATABASE_URL: db.databaseUrl, QUEUE_PREFIX: prefix, WORKER_CONCURRENCY: String(concurrency), LOG_LEVEL: 'info' },
    stdio: ['ignore', openSync(logFile, 'w'), 'inherit'],
  },
);
// A cold start (tsx compiling the whole CLI, with --from-sources) takes many seconds on a loaded machine.
await until(async () => readFileSync(logFile, 'utf8').includes('worker started'), 120_000, 'the worker command to start');

const finished = () => api.finished();

/** The main thread's live heap after each full collection, from the worker's --trace-gc lines. */
function fullCollections(log: string): { atUs: number; liveMb: number }[] {
  const byIsolate = new Map<string, { atUs: number; kind: string; liveMb: number }[]>();
  for (const [, isolate, ms, kind, liveMb] of log.matchAll(/^\[\d+:(0x[0-9a-f]+)\]\s+(\d+) ms: ([\w-]+)[^\n>]*?-> ([\d.]+) \(/gm)) {
    const collections = byIsolate.get(isolate!) ?? [];
    // An isolate's clock starts with it; the main thread's starts with the process, give or take its boot.
    collections.push({ atUs: spawnedUs + 1000 * Number(ms), kind: kind!, liveMb: Number(liveMb) });
    byIsolate.set(isolate!, collections);
  }
  // The main thread collects most often; the others are the render pool's threads and tsx's loader.
  const main = [...byIsolate.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  return main.filter((collection) => collection.kind === 'Mark-Compact');
}

interface Sample {
  /** process.hrtime in µs: the clock V8 stamps the worker's profile with. */
  atUs: number;
  done: number;
  rss: number;
  /** CPU seconds the worker process has used: all its threads, and its main thread alone. */
  cpu: number;
  mainCpu: number;
}
const samples: Sample[] = [];
let failed = 0;
let sampling = true;
const sampler = (async () => {
  while (sampling) {
    const counts = await finished();
    failed = counts.failed;
    const pid = worker.pid!;
    samples.push({
      atUs: Number(process.hrtime.bigint() / 1000n),
      done: counts.succeeded + counts.failed,
      rss: rssMb(pid),
      cpu: cpuSeconds(pid),
      mainCpu: cpuSeconds(pid, pid),
    });
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
  }
})();

const loadGenerator = fork(fileURLToPath(new URL('./load-generator.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
await once(loadGenerator, 'message');
const target: LoadTarget = { kind: 'http', url: `${api.url}/v1/executions`, body: { template_id: template.id, context: { word: 'hello' } } };
const runStarted = performance.now();
loadGenerator.send({ ...target, count: executions, concurrency });
const [reply] = (await once(loadGenerator, 'message')) as [{ error?: string }];
if (reply.error !== undefined) throw new Error(`load generator: ${reply.error}`);
await until(async () => (samples.at(-1)?.done ?? 0) >= executions, 600_000, 'the executions');
const seconds = (performance.now() - runStarted) / 1000;
sampling = false;
await sampler;
if (failed > 0) throw new Error(`${failed} executions failed`);

worker.kill('SIGTERM');
await once(worker, 'exit');

const at = (count: number) => samples.find((sample) => sample.done >= count) ?? samples.at(-1)!;
const rows: Record<string, string | number>[] = [];
for (let count = 0; count <= executions; count += 1000) rows.push({ executions: count, 'RSS MB': at(count).rss.toFixed(1) });
printTable(`Worker RSS through ${executions} executions (concurrency ${concurrency}, mock provider, ${(executions / seconds).toFixed(0)} executions/s)`, rows);

// Least squares of RSS against executions done, over the samples after warm-up.
const settled = samples.filter((sample) => sample.done >= warmup);
const mean = (numbers: number[]) => numbers.reduce((sum, n) => sum + n, 0) / numbers.length;
const xs = settled.map((sample) => sample.done / 1000);
const ys = settled.map((sample) => sample.rss);
const [mx, my] = [mean(xs), mean(ys)];
const slope = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0) / xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
const max = Math.max(...samples.map((sample) => sample.rss));
// V8 collects the old generation only when it fills, so a run may see no full collection after warm-up.
const settledCollections = fullCollections(readFileSync(logFile, 'utf8')).filter(
  (collection) => collection.atUs >= at(warmup).atUs && collection.atUs <= at(executions).atUs,
);
const liveHeap = settledCollections.map((collection) => collection.liveMb.toFixed(1)).join(' → ');
printTable('Worker memory against the targets', [
  { measure: 'max RSS', measured: `${max.toFixed(1)} MB`, target: `≤ ${TARGET_MAX_MB} MB` },
  { measure: `RSS at ${executions} − RSS at ${warmup}`, measured: `${(at(executions).rss - at(warmup).rss).toFixed(1)} MB`, target: '≈ 0 (flat)' },
  { measure: `RSS slope after ${warmup} (least squares, ${settled.length} samples)`, measured: `${slope.toFixed(2)} MB per 1,000`, target: '≈ 0 (flat)' },
  {
    measure: `main thread's live heap after each full GC after ${warmup}`,
    measured: liveHeap === '' ? 'no full GC' : `${liveHeap} MB`,
    target: 'no upward trend (no leak)',
  },
]);

// From /proc, so it is CPU time; the profile below samples the main thread's wall clock, which on a
// loaded machine also counts time spent waiting for a CPU inside system calls.
const [warm, end] = [at(warmup), at(executions)];
const perExecution = (seconds: number) => `${((1e6 * seconds) / (end.done - warm.done)).toFixed(0)} µs`;
printTable(`Worker CPU per execution after warm-up (${end.done - warm.done} executions)`, [
  { threads: 'all', 'CPU per execution': perExecution(end.cpu - warm.cpu) },
  { threads: 'main thread', 'CPU per execution': perExecution(end.mainCpu - warm.mainCpu) },
  { threads: 'others (render pool, GC, libuv, tsx loader)', 'CPU per execution': perExecution(end.cpu - warm.cpu - (end.mainCpu - warm.mainCpu)) },
]);

if (values['cpu-prof']) {
  const file = readdirSync(workDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error('the worker wrote no profile');
  const kept = path.resolve(values['cpu-prof-dir'], `worker-${Date.now()}.cpuprofile`);
  copyFileSync(path.join(workDir, file), kept);
  const summary = summariseProfile(JSON.parse(readFileSync(kept, 'utf8')), warm.atUs, end.atUs);
  printProfileSummary(summary, { executions: end.done - warm.done, title: 'Worker' });
  process.stdout.write(
    `\nprofile: ${kept}\nagain: npx tsx bench/profile-summary.ts ${kept} --executions ${end.done - warm.done} --from ${warm.atUs} --to ${end.atUs}\n`,
  );
}

rmSync(workDir, { recursive: true, force: true });
loadGenerator.disconnect();
await api.close();
await db.drop();
process.exit(0);
