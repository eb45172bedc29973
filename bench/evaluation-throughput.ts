/**
 * Evaluation-run throughput: N entries through a run of concurrency C against the fake
 * OpenAI-compatible server answering after a fixed latency L, over real HTTP through the SDK.
 * The ideal wall time is N·L/C; the table reports the measured time against it (target ≤ 1.15×)
 * and the overhead each item adds on top of L.
 *
 *   npx tsx bench/evaluation-throughput.ts [--entries 1000] [--latency 100] [--concurrency 50]
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPlatform } from '@promptops/api/composition';
import { createLogger, loadConfig } from '@promptops/config';
import { createOrm, createTestDatabase } from '@promptops/db';
import { removeKeysWithPrefix } from '@promptops/queue';
import { startWorkerRuntime } from '@promptops/worker';
import { printTable, runWithConcurrency, until } from './bench-support';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000' },
    latency: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '50' },
  },
});
const entries = Number(values.entries);
const latencyMs = Number(values.latency);
const concurrency = Number(values.concurrency);

// The provider runs in a process of its own, as a real one would, so the worker measured here does
// not also pay for serving its HTTP calls.
const fake = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./fake-echo-server.ts', import.meta.url)), '--latency', String(latencyMs)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [firstLine] = (await once(fake.stdout!, 'data')) as [Buffer];
const fakeUrl = firstLine.toString().trim();
const db = await createTestDatabase();
const orm = await createOrm(db.databaseUrl, { poolMax: 40 });
const config = loadConfig({
  DATABASE_URL: db.databaseUrl,
  LOG_LEVEL: 'silent',
  QUEUE_PREFIX: `bench-eval-${Date.now()}`,
  LLM_PROVIDERS: JSON.stringify([{ name: 'fake', base_url: fakeUrl, supports_json_schema: true, default_model: 'bench' }]),
});
const platform = await createPlatform(config, createLogger({ level: 'silent' }), { orm });
const { services } = platform;

const template = await services.templates.create({
  name: 'Bench Echo',
  user_prompt_template: 'Echo #{{ n }}',
  provider: 'fake',
  output_schema: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
});
/** A dataset of `count` entries `{n}` expecting `{n}` back. */
async function datasetOf(name: string, count: number): Promise<string> {
  const dataset = await services.datasets.create({ name, template: template.id });
  const rows = Array.from({ length: count }, (_, n) => ({ input_data: { n }, expected_output: { n } }));
  await services.datasets.importEntries(dataset.id, JSON.stringify(rows), 'json');
  return dataset.id;
}

// Polls one indexed row, not the run view, so watching does not load the database it measures.
const connection = orm.em.fork().getConnection();
/** Wall time runs from the submission to the run's own finished_at (same clock), so polling adds nothing. */
async function runToTheEnd(datasetId: string): Promise<{ runId: string; submitMs: number; wallMs: number }> {
  const started = Date.now();
  const { run } = await services.evaluations.submit({ dataset_id: datasetId, template: template.id, concurrency, scorers: [{ type: 'json_equal' }] });
  const submitMs = Date.now() - started;
  let finishedAt = 0;
  await until(
    async () => {
      const [row] = await connection.execute<{ status: string; finished_at: Date | null }[]>(`select status, finished_at from evaluation_runs where id = ?`, [
        run.id,
      ]);
      finishedAt = row?.finished_at ? new Date(row.finished_at).getTime() : 0;
      return row?.status !== 'queued' && row?.status !== 'running';
    },
    600_000,
    'the run to finish',
  );
  return { runId: run.id, submitMs, wallMs: finishedAt - started };
}

const warmupDataset = await datasetOf('Warm-up', 2 * concurrency);
const measuredDataset = await datasetOf('Bench', entries);
// The worker takes more jobs than the run needs, so only the run's own concurrency limits it.
const runtime = startWorkerRuntime(platform, { concurrency: concurrency + 14 });
await Promise.all(runtime.workers.map((worker) => worker.waitUntilReady()));

// A first, unmeasured run pays for JIT compilation, provider connections and cold caches, as the
// execution benchmark's warm-up jobs do; its time is printed for reference.
const cold = await runToTheEnd(warmupDataset);

// The floor: the same provider calls through the same SDK path, with nothing else around them.
const provider = platform.providers.get('fake');
const floorStarted = performance.now();
await runWithConcurrency(entries, concurrency, async (n) => {
  await provider.complete({ model: 'bench', messages: [{ role: 'user', content: `Echo #${n}` }], timeoutMs: 30_000 });
});
const floorMs = performance.now() - floorStarted;

const cpuBefore = process.cpuUsage();
const measured = await runToTheEnd(measuredDataset);
const cpu = process.cpuUsage(cpuBefore);
const { wallMs, submitMs } = measured;
const finished = await services.evaluations.get(measured.runId);

const idealMs = (entries * latencyMs) / concurrency;
const cycles = entries / concurrency;
printTable(`Evaluation run: N = ${entries} entries, L = ${latencyMs} ms, C = ${concurrency}`, [
  {
    status: finished.status,
    scored: finished.progress.scored,
    failed: finished.progress.failed,
    'submit ms': submitMs.toFixed(0),
    'wall ms': wallMs.toFixed(0),
    'ideal N·L/C ms': idealMs.toFixed(0),
    'wall / ideal': (wallMs / idealMs).toFixed(3),
    'overhead per item ms': ((wallMs - idealMs) / cycles).toFixed(1),
    'items/s': (entries / (wallMs / 1000)).toFixed(0),
    'latency p50 / p95 ms': `${finished.summary.latency_ms.p50} / ${finished.summary.latency_ms.p95}`,
    'process CPU %': (((cpu.user + cpu.system) / 1000 / wallMs) * 100).toFixed(0),
  },
]);
printTable('For reference', [
  {
    measurement: `first run after start (${2 * concurrency} entries, cold)`,
    'wall ms': cold.wallMs.toFixed(0),
    'ideal ms': ((2 * concurrency * latencyMs) / concurrency).toFixed(0),
  },
  { measurement: `the ${entries} provider calls alone, ${concurrency} at a time`, 'wall ms': floorMs.toFixed(0), 'ideal ms': idealMs.toFixed(0) },
]);
process.stdout.write(
  `\nrun / provider calls alone = ${(wallMs / floorMs).toFixed(3)} (target ≤ 1.05)\n` +
    `target: wall / ideal ≤ 1.15; "overhead per item" is the time each item adds beyond L (wall − ideal, per round of C items);\n` +
    `the run is measured after a warm-up run; "provider calls alone" is the floor this machine allows for the same calls\n`,
);

await runtime.close();
await removeKeysWithPrefix(platform.redis, config.queuePrefix);
await platform.close();
await orm.close(true);
await db.drop();
fake.kill('SIGTERM');
process.exit(0);
