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
import { createLogger, loadConfig } from '@promptops/config';
import { createOrm, createTestDatabase } from '@promptops/db';
import { createPlatform } from '@promptops/domain';
import { removeKeysWithPrefix } from '@promptops/queue';
import { startWorkerRuntime } from '@promptops/worker';
import { printTable, until } from './bench-support';

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
const dataset = await services.datasets.create({ name: 'Bench', template: template.id });
await services.datasets.importEntries(
  dataset.id,
  JSON.stringify(Array.from({ length: entries }, (_, n) => ({ input_data: { n }, expected_output: { n } }))),
  'json',
);
// The worker takes more jobs than the run needs, so only the run's own concurrency limits it.
const runtime = startWorkerRuntime(services, platform.redis, { concurrency: concurrency + 14 });
await Promise.all(runtime.workers.map((worker) => worker.waitUntilReady()));

const cpuBefore = process.cpuUsage();
const started = performance.now();
const { run } = await services.evaluations.submit({ dataset_id: dataset.id, template: template.id, concurrency, scorers: [{ type: 'json_equal' }] });
const submitMs = performance.now() - started;
// Polls one indexed row, not the run view, so watching does not load the database it measures.
const connection = orm.em.fork().getConnection();
await until(async () => {
  const [row] = await connection.execute<{ status: string }[]>(`select status from evaluation_runs where id = ?`, [run.id]);
  return row?.status !== 'queued' && row?.status !== 'running';
}, 600_000, 'the run to finish');
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const finished = await services.evaluations.get(run.id);

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
process.stdout.write(`\ntarget: wall / ideal ≤ 1.15; "overhead per item" is the time each item adds beyond L (wall − ideal, per round of C items)\n`);

await runtime.close();
await removeKeysWithPrefix(platform.redis, config.queuePrefix);
await platform.close();
await orm.close(true);
await db.drop();
fake.kill('SIGTERM');
process.exit(0);
