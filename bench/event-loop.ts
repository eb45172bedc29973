/**
 * Does template analysis block the API's event loop? /healthz latency with nothing else running,
 * beside the same probes while 8 clients read the variables of a 77 KB template (read key), preview
 * it (the console's live preview), and save 99 KB versions, all measured in one run; reading the
 * template itself, which needs no analysis, is the floor they compare with. A version's variables
 * are remembered once found, so they are read twice: of one version (answered from memory after
 * the warm-up) and each of a version nobody asked about yet (analysed in the render pool). The
 * clients run in a process of their own (event-loop-clients.ts); the server's own event-loop delay
 * is sampled too.
 *
 * Latencies depend on what else the machine runs. The CPU time the server's main thread spent per
 * request (from /proc, Linux) does much less, so before/after comparisons should read that column
 * beside the percentiles; the run-queue column says how long the thread waited for a core.
 * For where that time goes, `--cpu-profile DIR` writes a CPU profile of the server's thread per phase
 * (DIR/<phase>.cpuprofile); `npx tsx bench/profile-summary.ts FILE` sums it by package and function.
 *
 *   npx tsx bench/event-loop.ts [--clients 8] [--requests 12] [--cpu-profile DIR]
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createApp, startApiServer } from '@promptops/api';
import { createPlatform } from '@promptops/api/composition';
import { createLogger, loadConfig } from '@promptops/config';
import { createTestDatabase } from '@promptops/db';
import { removeKeysWithPrefix } from '@promptops/queue';
import { checkTemplateSyntax, extractVariables, suggestInputSchema } from '@promptops/rendering';
import { percentile, printTable } from './bench-support';
import type { PhaseRequest, PhaseResult } from './event-loop-clients';

const { values } = parseArgs({
  options: { clients: { type: 'string', default: '8' }, requests: { type: 'string', default: '12' }, 'cpu-profile': { type: 'string' } },
});
const profileDir = values['cpu-profile'];
const clients = Number(values.clients);
const requests = Number(values.requests);
/** The target: /healthz p99 while the analysis load runs. */
const TARGET_P99_MS = 50;

/**
 * A prompt that was slow to analyse: one condition over many feature flags guards sections reading
 * deep dotted paths. Extraction used to compare every read with every guard, and the suggested
 * schema split each path again at every comparison of its sort: 4–5 s per request at 77 KB.
 */
function catalogTemplate(targetChars: number): string {
  const flags = Array.from({ length: 600 }, (_, j) => `account.flags.f${j}`).join(' and ');
  let body = '';
  for (let i = 0; body.length < targetChars - flags.length - 40; i++) {
    body += `- {{ account.catalog.group${i % 60}.item${i}.label }}: {{ account.catalog.group${i % 60}.item${i}.price.amount }}\n`;
  }
  return `{% if ${flags} %}\n${body}{% endif %}`;
}

/** A context the template renders with, for the preview (every flag set, every item present). */
function catalogContext(template: string): Record<string, unknown> {
  const flags = Object.fromEntries(Array.from({ length: 600 }, (_, j) => [`f${j}`, true]));
  const catalog: Record<string, Record<string, unknown>> = {};
  for (const [, group, item] of template.matchAll(/account\.catalog\.group(\d+)\.item(\d+)\.label/g)) {
    const items = catalog[`group${group}`] ?? {};
    items[`item${item}`] = { label: `Item ${item}`, price: { amount: Number(item) } };
    catalog[`group${group}`] = items;
  }
  return { account: { flags, catalog } };
}

const template77 = catalogTemplate(77 * 1024);
const template99 = catalogTemplate(99_000);

const db = await createTestDatabase();
const config = loadConfig({
  DATABASE_URL: db.databaseUrl,
  LOG_LEVEL: 'silent',
  QUEUE_PREFIX: `bench-loop-${Date.now()}`,
  PORT: '0',
  RATE_LIMIT_PER_MINUTE: '0',
});
const logger = createLogger({ level: 'silent' });
const platform = await createPlatform(config, logger, { orm: db.orm });
const { services } = platform;
await services.templates.create({ name: 'Catalog', user_prompt_template: template77, provider: 'mock' });
await services.templates.create({ name: 'Catalog Big', user_prompt_template: template99, provider: 'mock' });
// Versions whose variables nobody asked for yet, each with its own text, so each request is analysed
// in the render pool rather than answered from what an earlier one found.
const unanalysed: string[] = [];
for (let i = 0; i < clients * requests; i++) {
  const fresh = await services.templates.create({ name: `Catalog ${i}`, user_prompt_template: `${template77}{{ fresh${i} }}`, provider: 'mock' });
  unanalysed.push(`/v1/templates/${fresh.id}/variables`);
}
const readKey = (await services.apiKeys.create({ name: 'bench-read', scopes: ['read'] })).key;
const writeKey = (await services.apiKeys.create({ name: 'bench-write', scopes: ['write'] })).key;
const server = await startApiServer(createApp(platform), { host: '127.0.0.1', port: 0 });

const clientProcess = fork(fileURLToPath(new URL('./event-loop-clients.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
await once(clientProcess, 'message');

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();

/**
 * CPU time of this process's main thread (the server's event loop) and its wait for a core, ns,
 * from the scheduler's counters; undefined where /proc has none.
 */
function mainThreadSchedule(): { cpuNs: number; waitNs: number } | undefined {
  try {
    const [cpu, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ').map(Number);
    return cpu === undefined || wait === undefined ? undefined : { cpuNs: cpu, waitNs: wait };
  } catch {
    return undefined;
  }
}

interface Phase {
  name: string;
  /** ms of the main thread's CPU per request, and ms it waited for a core meanwhile. */
  cpuMsPerRequest: number;
  waitMsPerRequest: number;
  healthz: number[];
  load: number[];
  /** The server's longest event-loop delay during the phase, ms. */
  delayMaxMs: number;
  /** Share of the phase the server's event loop spent running code rather than waiting. */
  loopBusy: number;
}

/** Profiles this thread while `work` runs, into DIR/<name>.cpuprofile, when --cpu-profile asks for it. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (profileDir === undefined) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, `${name.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '')}.cpuprofile`), JSON.stringify(profile));
  }
}

async function phase(name: string, request: Omit<PhaseRequest, 'baseUrl'>): Promise<Phase> {
  return profiled(name, () => measuredPhase(name, request));
}

async function measuredPhase(name: string, request: Omit<PhaseRequest, 'baseUrl'>): Promise<Phase> {
  delay.reset();
  const utilization = performance.eventLoopUtilization();
  const scheduled = mainThreadSchedule();
  clientProcess.send({ ...request, baseUrl: server.url });
  const [reply] = (await once(clientProcess, 'message')) as [PhaseResult & { error?: string }];
  if (reply.error !== undefined) throw new Error(`clients: ${reply.error}`);
  const loopBusy = performance.eventLoopUtilization(utilization).utilization;
  const after = mainThreadSchedule();
  const count = reply.load.length > 0 ? reply.load.length : reply.healthz.length;
  const perRequest = (ns: number | undefined) => (ns === undefined ? Number.NaN : ns / 1e6 / count);
  return {
    name,
    cpuMsPerRequest: perRequest(after && scheduled && after.cpuNs - scheduled.cpuNs),
    waitMsPerRequest: perRequest(after && scheduled && after.waitNs - scheduled.waitNs),
    healthz: reply.healthz,
    load: reply.load,
    delayMaxMs: delay.max / 1e6,
    loopBusy,
  };
}

const load = { clients, requests };
// One untimed round first, so JIT compilation and the workers' start-up are not measured.
await phase('warm-up', { apiKey: readKey, probes: 0, load: { ...load, method: 'GET', path: '/v1/templates/Catalog/variables', status: 200 } });
const phases = [
  await phase('/healthz alone', { apiKey: readKey, probes: 300 }),
  // The floor: serving the same template as JSON, which needs no analysis at all.
  await phase(`${clients}× GET template (77 KB)`, { apiKey: readKey, probes: 0, load: { ...load, method: 'GET', path: '/v1/templates/Catalog', status: 200 } }),
  await phase(`${clients}× GET variables (77 KB)`, {
    apiKey: readKey,
    probes: 0,
    load: { ...load, method: 'GET', path: '/v1/templates/Catalog/variables', status: 200 },
  }),
  await phase(`${clients}× GET variables, not yet analysed (77 KB)`, {
    apiKey: readKey,
    probes: 0,
    load: { ...load, method: 'GET', path: unanalysed, status: 200 },
  }),
  await phase(`${clients}× POST preview (77 KB)`, {
    apiKey: writeKey,
    probes: 0,
    load: {
      ...load,
      method: 'POST',
      path: '/v1/templates/preview',
      body: { user_prompt_template: template77, context: catalogContext(template77) },
      status: 200,
    },
  }),
  await phase(`${clients}× POST new version (99 KB)`, {
    apiKey: writeKey,
    probes: 0,
    load: {
      ...load,
      method: 'POST',
      path: `/v1/templates/${encodeURIComponent('Catalog Big')}/versions`,
      body: { user_prompt_template: template99 },
      status: 201,
    },
  }),
];
delay.disable();

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(1));
printTable(`/healthz latency (ms) alone and while ${clients} clients send ${requests} requests each`, [
  ...phases.map((p) => {
    const healthz = sorted(p.healthz);
    const requestsSorted = sorted(p.load);
    return {
      phase: p.name,
      probes: healthz.length,
      p50: ms(percentile(healthz, 50)),
      p99: ms(percentile(healthz, 99)),
      max: ms(healthz.at(-1) ?? Number.NaN),
      'server loop delay max': ms(p.delayMaxMs),
      'server loop busy': `${(p.loopBusy * 100).toFixed(0)}%`,
      'request p50': ms(percentile(requestsSorted, 50)),
      'server thread CPU ms / request': ms(p.cpuMsPerRequest),
      'run-queue wait ms / request': ms(p.waitMsPerRequest),
    };
  }),
]);

// What each request would cost the server's thread if analysis ran there, measured on this machine now.
const onThisThread = (work: () => void) => {
  work(); // once untimed, as the server's workers were warmed up
  const started = performance.now();
  work();
  return performance.now() - started;
};
const analysisMs = onThisThread(() => {
  extractVariables(template77);
  suggestInputSchema(template77);
});
const syntaxMs = onThisThread(() => checkTemplateSyntax(template99));
const [idle, floor, ...loaded] = phases;
const p99 = (p: Phase | undefined) => percentile(sorted(p?.healthz ?? []), 99);
const worstP99 = Math.max(...loaded.map(p99));
process.stdout.write(
  `\nworst p99 under analysis load ${worstP99.toFixed(1)} ms (target < ${TARGET_P99_MS} ms: ${worstP99 < TARGET_P99_MS ? 'met' : 'NOT met'}); ` +
    `/ idle p99 = ${(worstP99 / p99(idle)).toFixed(2)}; / p99 while serving the template alone = ${(worstP99 / p99(floor)).toFixed(2)}\n` +
    `the same work on the server's thread would block it ${analysisMs.toFixed(0)} ms per variables request (77 KB) and ${syntaxMs.toFixed(0)} ms per save (99 KB)\n`,
);

clientProcess.disconnect();
await server.close();
await removeKeysWithPrefix(platform.redis, config.queuePrefix);
await platform.close();
await db.drop();
process.exit(0);
