/**
 * The dashboard's and the template page's analytics queries, through AnalyticsService, over the
 * 1,000,000 executions of bench/analytics-seed.ts (seeded first when missing): p50 / p95 / max per
 * query, against a target of p95 ≤ 100 ms. Each query reads only the rollups, summing their shards.
 *
 *   npx tsx bench/analytics-queries.ts [--runs 50]
 */
import { parseArgs } from 'node:util';
import { createOrm } from '@promptops/db';
import { AnalyticsService } from '@promptops/domain';
import { percentile, printTable } from './bench-support';
import { seedAnalyticsDatabase } from './analytics-seed';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '50' }, executions: { type: 'string', default: '1000000' } } });
const runs = Number(values.runs);
const TARGET_MS = 100;

const url = await seedAnalyticsDatabase(Number(values.executions));
const orm = await createOrm(url, { poolMax: 4 });
const analytics = new AnalyticsService({ orm });
const connection = orm.em.getConnection();
const [counts] = await connection.execute<{ executions: string; rollups: string; daily: string; by_target: string; sharded: string }[]>(
  `select (select count(*) from prompt_executions) as executions, (select count(*) from execution_rollups) as rollups, (select count(*) from execution_rollups_daily) as daily,
          (select count(*) from execution_rollups_hourly_by_target) as by_target, (select count(*) from execution_rollups where shard <> 0) as sharded`,
);
// The busiest template and its latest version, as someone would open them from the dashboard.
const [busiest] = await connection.execute<{ name: string; version: number }[]>(
  `select template_name as name, max(template_version) as version from execution_rollups where template_name <> ''
    group by template_name order by sum(executions) desc limit 1`,
);
if (!busiest) throw new Error('the benchmark database has no template executions');

const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
const QUERIES: [page: string, query: string, run: () => Promise<unknown>][] = [
  ['dashboard', 'series, all, 24 h by hour', () => analytics.series({ from: ago(1), to: now, bucket: 'hour' })],
  ['dashboard', 'series, all, 7 d by day (default view)', () => analytics.series({ from: ago(7), to: now, bucket: 'day' })],
  ['dashboard', 'series, all, 7 d by hour', () => analytics.series({ from: ago(7), to: now, bucket: 'hour' })],
  ['dashboard', 'series, all, 30 d by day', () => analytics.series({ from: ago(30), to: now, bucket: 'day' })],
  ['dashboard', 'series, all, 30 d by hour (720 points)', () => analytics.series({ from: ago(30), to: now, bucket: 'hour' })],
  ['dashboard', 'series, provider openai, 30 d by day', () => analytics.series({ provider: 'openai', from: ago(30), to: now, bucket: 'day' })],
  ['dashboard', 'series, model gpt-4o, 7 d by hour', () => analytics.series({ model: 'gpt-4o', from: ago(7), to: now, bucket: 'hour' })],
  ['dashboard', 'top templates by cost, 30 d', () => analytics.top({ by: 'cost', from: ago(30), to: now })],
  ['dashboard', 'top templates by failures, 30 d', () => analytics.top({ by: 'failures', from: ago(30), to: now })],
  [
    'template',
    `series + versions, ${busiest.name}, 7 d by day (default view)`,
    () => analytics.series({ template: busiest.name, from: ago(7), to: now, bucket: 'day' }),
  ],
  ['template', `series + versions, ${busiest.name}, 7 d by hour`, () => analytics.series({ template: busiest.name, from: ago(7), to: now, bucket: 'hour' })],
  ['template', `series + versions, ${busiest.name}, 30 d by day`, () => analytics.series({ template: busiest.name, from: ago(30), to: now, bucket: 'day' })],
  [
    'template',
    `series, ${busiest.name}@${busiest.version}, 30 d by day`,
    () => analytics.series({ template: busiest.name, version: busiest.version, from: ago(30), to: now, bucket: 'day' }),
  ],
];

async function measure(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i += 1) await run();
  const durations: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

const rows: Record<string, string | number>[] = [];
for (const [page, query, run] of QUERIES) {
  const durations = await measure(run);
  const p95 = percentile(durations, 95);
  rows.push({
    page,
    query,
    'p50 ms': percentile(durations, 50).toFixed(1),
    'p95 ms': p95.toFixed(1),
    'max ms': (durations.at(-1) ?? 0).toFixed(1),
    target: p95 <= TARGET_MS ? 'met' : 'NOT met',
  });
}
// What the dashboard's first view asks at once: its series and both rankings, in parallel.
const pageLoads = await measure(() =>
  Promise.all([
    analytics.series({ from: ago(7), to: now, bucket: 'day' }),
    analytics.top({ by: 'cost', from: ago(7), to: now }),
    analytics.top({ by: 'failures', from: ago(7), to: now }),
  ]),
);
rows.push({
  page: 'dashboard',
  query: 'first view: series + both rankings, 7 d, in parallel',
  'p50 ms': percentile(pageLoads, 50).toFixed(1),
  'p95 ms': percentile(pageLoads, 95).toFixed(1),
  'max ms': (pageLoads.at(-1) ?? 0).toFixed(1),
  target: percentile(pageLoads, 95) <= TARGET_MS ? 'met' : 'NOT met',
});
printTable(
  `Analytics queries through AnalyticsService, ${runs} runs each after 3 warm-ups: ${Number(counts?.executions).toLocaleString('en-US')} executions, rollup rows: ${Number(counts?.rollups).toLocaleString('en-US')} hourly (${Number(counts?.sharded).toLocaleString('en-US')} outside shard 0), ${Number(counts?.daily).toLocaleString('en-US')} daily, ${Number(counts?.by_target).toLocaleString('en-US')} hourly of all templates (target p95 ≤ ${TARGET_MS} ms)`,
  rows,
);
await orm.close(true);
