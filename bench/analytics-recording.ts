/**
 * What keeping execution_rollups costs the execution pipeline: end-to-end executions per second
 * (HTTP API → PostgreSQL → BullMQ → worker → mock provider → PostgreSQL, clients in a process of
 * their own as in execution-throughput.ts) with the rollup triggers on and off, in alternating
 * rounds of one run on one database, so both modes see the same machine. Target: at most 10 % fewer
 * executions per second with them on.
 *
 *   npx tsx bench/analytics-recording.ts [--jobs 1500] [--rounds 5] [--concurrency 32]
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase, ROLLUP_TRIGGERS } from '@promptops/db';
import { startWorkerRuntime } from '@promptops/worker';
import { startBenchApi } from './bench-api';
import { percentile, printTable, until } from './bench-support';
import type { LoadTarget } from './load-generator';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '1500' },
    rounds: { type: 'string', default: '5' },
    // Shorter, and the first measured round (always with the triggers on) ran ~25 % slow.
    warmup: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '32' },
  },
});
const jobs = Number(values.jobs);
const rounds = Number(values.rounds);
const warmup = Number(values.warmup);
const concurrency = Number(values.concurrency);

const loadGenerator = fork(fileURLToPath(new URL('./load-generator.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
await once(loadGenerator, 'message');
async function load(target: LoadTarget, count: number): Promise<void> {
  loadGenerator.send({ ...target, count, concurrency });
  const [reply] = (await once(loadGenerator, 'message')) as [{ error?: string }];
  if (reply.error !== undefined) throw new Error(`load generator: ${reply.error}`);
}

const db = await createTestDatabase();
const api = await startBenchApi(db.databaseUrl, { queuePrefix: `bench-rollups-${Date.now()}`, poolMax: 2 * concurrency, userPrompt: 'Say {{ word }}.' });
const runtime = startWorkerRuntime(api.platform, { concurrency });
const sql = <T>(query: string) => db.orm.em.fork().getConnection().execute<T[]>(query);
const finished = async () => (await api.finished()).succeeded;
let expected = 0;

/** Submits `count` executions and waits for all of them to succeed; returns executions per second. */
async function round(count: number): Promise<number> {
  expected += count;
  const started = performance.now();
  await load({ kind: 'http', url: `${api.url}/v1/executions`, body: { template_id: api.template.id, context: { word: 'hello' } } }, count);
  await until(async () => (await finished()) >= expected, 300_000, 'executions');
  return count / ((performance.now() - started) / 1000);
}

async function setTriggers(enabled: boolean): Promise<void> {
  for (const trigger of ROLLUP_TRIGGERS) await sql(`alter table prompt_executions ${enabled ? 'enable' : 'disable'} trigger ${trigger}`);
}

await round(warmup);
const rates: Record<'on' | 'off', number[]> = { on: [], off: [] };
for (let i = 0; i < rounds; i += 1) {
  // Alternating, and starting with the other mode every second round, so a drift of the machine's load favours neither.
  for (const mode of i % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
    await setTriggers(mode === 'on');
    rates[mode].push(await round(jobs));
  }
}
await setTriggers(true);
const [rollups] = await sql<{ executions: string }>('select coalesce(sum(executions), 0) as executions from execution_rollups');

const mean = (list: number[]) => list.reduce((sum, rate) => sum + rate, 0) / list.length;
// The median, because one round in a run is often far off the others (the first after warm-up, or
// one that shared the machine with something else) and a mean of a few rounds follows it.
const median = (list: number[]) =>
  percentile(
    [...list].sort((a, b) => a - b),
    50,
  );
const cost = 1 - median(rates.on) / median(rates.off);
const row = (mode: 'on' | 'off') => ({
  rollups: mode,
  'executions/s (median)': median(rates[mode]).toFixed(0),
  'executions/s (mean)': mean(rates[mode]).toFixed(0),
  rounds: rates[mode].map((rate) => rate.toFixed(0)).join(', '),
});
printTable(`End-to-end executions/s with the rollup triggers on and off, ${rounds} rounds of ${jobs} each, concurrency ${concurrency}`, [
  row('on'),
  row('off'),
]);
process.stdout.write(
  `\nrecording cost = ${(cost * 100).toFixed(1)} % of throughput, from the medians (target ≤ 10 %); the rollups counted ${rollups?.executions} executions, those of the rounds with the triggers on and the warm-up\n`,
);

await runtime.close();
await api.close();
await db.drop();
loadGenerator.disconnect();
process.exit(0);
