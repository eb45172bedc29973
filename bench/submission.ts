/**
 * How many `POST /v1/executions` the API alone takes: the real `serve` command (no worker in the
 * process, mock provider, rate limit off) in a process of its own, the clients in another
 * (submission-clients.ts). First the sustained rate with `--concurrency` clients each waiting for
 * its answer, then latency at fixed offered loads (open loop, so latencies count from when each
 * submission was due). Every answer must be 202: an accepted submission is durable in PostgreSQL
 * and on the queue before it is answered, so this measures that whole path.
 *
 * To see where the server's time goes: `--cpu-prof` writes a V8 profile of the server process into
 * the current directory (open it in Chrome DevTools or speedscope).
 *
 *   npx tsx bench/submission.ts [--count 5000] [--concurrency 64] [--rates 100,500,1000] [--seconds 5] [--cpu-prof]
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger, loadConfig } from '@promptops/config';
import { createTestDatabase } from '@promptops/db';
import { createPlatform } from '@promptops/api/composition';
import { removeKeysWithPrefix } from '@promptops/queue';
import { percentile, printTable, until } from './bench-support';
import { processCpuMs } from './proc-stats';
import type { LoadShape, SubmissionResult } from './submission-clients';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '5000' },
    warmup: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '64' },
    rates: { type: 'string', default: '100,500,1000' },
    seconds: { type: 'string', default: '5' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const warmup = Number(values.warmup);
const concurrency = Number(values.concurrency);
const rates = values.rates.split(',').map(Number);
const seconds = Number(values.seconds);
/** The issue's targets. */
const TARGET_RATE = 2000;
const TARGET_P99_AT_500_MS = 15;

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

const db = await createTestDatabase();
const prefix = `bench-submit-${Date.now()}`;
const port = await freePort();
const env = {
  ...process.env,
  DATABASE_URL: db.databaseUrl,
  QUEUE_PREFIX: prefix,
  PORT: String(port),
  HOST: '127.0.0.1',
  RATE_LIMIT_PER_MINUTE: '0',
  LOG_LEVEL: 'warn',
};

// The template is created through the services, not the server, so the server starts as it would in production.
const config = loadConfig({ DATABASE_URL: db.databaseUrl, LOG_LEVEL: 'silent', QUEUE_PREFIX: prefix, PORT: '0' });
const setup = await createPlatform(config, createLogger({ level: 'silent' }), { orm: db.orm });
const template = await setup.services.templates.create({
  name: 'Bench',
  system_prompt: 'You are terse.',
  user_prompt_template: 'Say {{ word }} {{ n }} times.',
  provider: 'mock',
});

const serverArgs = [
  ...(values['cpu-prof'] ? ['--cpu-prof'] : []),
  // As docker-compose.yml runs the API (see its NODE_OPTIONS).
  '--max-semi-space-size=64',
  '--import',
  'tsx',
  fileURLToPath(new URL('../apps/cli/src/main.ts', import.meta.url)),
  'serve',
  '--no-migrate',
];
const server: ChildProcess = spawn(process.execPath, serverArgs, { env, stdio: ['ignore', 'ignore', 'inherit'] });
const baseUrl = `http://127.0.0.1:${port}`;
await until(async () => (await fetch(`${baseUrl}/healthz`).catch(() => undefined))?.ok === true, 180_000, 'the server');

// The clients' own young-generation collections stall their timers and reads, which the open loop
// would count as the server's latency; a larger young generation makes them rarer.
const clients = fork(fileURLToPath(new URL('./submission-clients.ts', import.meta.url)), {
  execArgv: ['--max-semi-space-size=64', '--import', 'tsx'],
});
await once(clients, 'message');
async function load(shape: LoadShape): Promise<SubmissionResult> {
  clients.send({ ...shape, url: `${baseUrl}/v1/executions`, body: { template_id: template.id, context: { word: 'hello' } } });
  const [reply] = (await once(clients, 'message')) as [SubmissionResult & { error?: string }];
  if (reply.error !== undefined) throw new Error(`clients: ${reply.error}`);
  const refused = Object.entries(reply.refused);
  if (refused.length > 0) throw new Error(`the server refused submissions: ${refused.map(([status, n]) => `${n} × ${status}`).join(', ')}`);
  return reply;
}

async function measured(shape: LoadShape): Promise<SubmissionResult & { cpuMsPerSubmission: number }> {
  const before = processCpuMs(server.pid as number);
  const result = await load(shape);
  return { ...result, cpuMsPerSubmission: (processCpuMs(server.pid as number) - before) / result.latencies.length };
}

const sorted = (latencies: number[]) => [...latencies].sort((a, b) => a - b);
const ms = (value: number) => value.toFixed(1);

await load({ shape: 'closed', count: warmup, concurrency });
const sustained = await measured({ shape: 'closed', count, concurrency });
const sustainedRate = count / (sustained.elapsedMs / 1000);
const rows: Record<string, string | number>[] = [
  {
    load: `closed, ${concurrency} clients`,
    submissions: count,
    'accepted/s': sustainedRate.toFixed(0),
    'p50 ms': ms(percentile(sorted(sustained.latencies), 50)),
    'p99 ms': ms(percentile(sorted(sustained.latencies), 99)),
    'server CPU ms/submission': sustained.cpuMsPerSubmission.toFixed(2),
  },
];
const p99At: Record<number, number> = {};
for (const rate of rates) {
  const result = await measured({ shape: 'open', rate, seconds });
  const latencies = sorted(result.latencies);
  p99At[rate] = percentile(latencies, 99);
  rows.push({
    load: `open, ${rate} req/s offered`,
    submissions: latencies.length,
    'accepted/s': (latencies.length / (result.elapsedMs / 1000)).toFixed(0),
    'p50 ms': ms(percentile(latencies, 50)),
    'p99 ms': ms(p99At[rate] ?? Number.NaN),
    'server CPU ms/submission': result.cpuMsPerSubmission.toFixed(2),
  });
}
printTable('Submissions to `serve` alone (POST /v1/executions → 202, durable in PostgreSQL and queued)', rows);
process.stdout.write(`\nsustained ${sustainedRate.toFixed(0)} accepted/s (target ≥ ${TARGET_RATE})`);
if (p99At[500] !== undefined) process.stdout.write(`; p99 at 500 req/s ${ms(p99At[500])} ms (target ≤ ${TARGET_P99_AT_500_MS})`);
process.stdout.write('\n');

clients.disconnect();
server.kill('SIGTERM');
await once(server, 'exit');
await removeKeysWithPrefix(setup.redis, prefix);
await setup.close();
await db.drop();
process.exit(0);
