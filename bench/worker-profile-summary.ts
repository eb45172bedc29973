/**
 * Where a worker's CPU went per execution, from a V8 profile (`node --cpu-prof`) cut to a window of
 * it, so start-up (tsx compiling the CLI) and shut-down do not count: self time by package and the
 * top functions, in µs per execution, and the share of the window the main thread sat idle. Window
 * bounds are `process.hrtime` microseconds, the clock V8 stamps profiles with on Linux; worker-memory.ts
 * records them while it runs and prints this summary with `--cpu-prof`.
 *
 *   npx tsx bench/worker-profile-summary.ts FILE.cpuprofile --executions N [--from µs] [--to µs] [--top 25]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printTable } from './bench-support';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  /** µs between consecutive samples; the first is from startTime. */
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Microseconds of the window the samples cover. */
  windowUs: number;
  /** Self µs by package: `(idle)`, `(gc)`, `node:net`, `bullmq`, `@promptops/domain`, … */
  byPackage: Map<string, number>;
  /** µs by the package whose code was running, node's internals and native calls charged to their caller. */
  byCaller: Map<string, number>;
  /** Self µs by function, keyed `package › name file:line`. */
  byFunction: Map<string, number>;
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Which package a frame's code belongs to; V8's pseudo-frames keep their own names. */
function packageOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (url === '') {
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(garbage collector)') return '(gc)';
    if (functionName === '(program)') return '(program: V8 and native)';
    return `(native ${functionName || 'anonymous'})`;
  }
  if (url.startsWith('node:')) {
    // node:internal/streams/writable → node:streams; node:net → node:net
    const parts = url.slice('node:'.length).split('/');
    return `node:${parts[0] === 'internal' ? (parts[1] ?? 'internal').replace(/\.js$/, '') : parts[0]}`;
  }
  const file = url.replace(/^file:\/\//, '');
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (dependency) return dependency[1]!;
  if (file.startsWith(REPO_ROOT)) {
    const [area, name] = file.slice(REPO_ROOT.length).split('/');
    return area === 'packages' || area === 'apps' ? `@promptops/${name}` : `${area}/${name}`;
  }
  return file;
}

/** Node's own code and native calls, which run on behalf of whichever package called them. */
const isRuntime = (pkg: string) => pkg.startsWith('node:') || pkg.startsWith('(native');

function location(frame: ProfileNode['callFrame']): string {
  return frame.url === '' ? '' : ` ${frame.url.split('/').at(-1)}:${frame.lineNumber + 1}`;
}

/** Self time per package and per function, over [fromUs, toUs] of the profile's clock. */
export function summariseProfile(profile: CpuProfile, fromUs = Number.NEGATIVE_INFINITY, toUs = Number.POSITIVE_INFINITY): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const callers = new Map<number, string>();
  const callerOf = (id: number): string => {
    let caller = callers.get(id);
    if (caller === undefined) {
      const pkg = packageOf(frames.get(id)!);
      const parent = parents.get(id);
      caller = isRuntime(pkg) && parent !== undefined && parents.has(parent) ? callerOf(parent) : pkg;
      callers.set(id, caller);
    }
    return caller;
  };
  const byPackage = new Map<string, number>();
  const byCaller = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  let at = profile.startTime;
  let windowUs = 0;
  for (const [i, id] of profile.samples.entries()) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromUs || at > toUs) continue;
    // A sample stands for the gap to the next one (the last runs to endTime).
    const us = i + 1 < profile.samples.length ? Math.max(0, profile.timeDeltas[i + 1] ?? 0) : profile.endTime - at;
    const frame = frames.get(id)!;
    const pkg = packageOf(frame);
    windowUs += us;
    add(byPackage, pkg, us);
    add(byCaller, callerOf(id), us);
    add(byFunction, `${pkg} › ${frame.functionName || '(anonymous)'}${location(frame)}`, us);
  }
  return { windowUs, byPackage, byCaller, byFunction };
}

/** Prints self CPU per execution by package and by function, with each one's share of the busy time. */
export function printProfileSummary(summary: ProfileSummary, executions: number, top = 25): void {
  const idle = summary.byPackage.get('(idle)') ?? 0;
  const busy = summary.windowUs - idle;
  const rows = (entries: Map<string, number>, limit: number, column: string) =>
    [...entries]
      .filter(([name]) => !name.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, us]) => ({ [column]: name, 'µs per execution': (us / executions).toFixed(1), '% of busy': ((100 * us) / busy).toFixed(1) }));
  printTable(
    `Worker self CPU by package, ${executions} executions in ${(summary.windowUs / 1e6).toFixed(1)} s: ` +
      `${(busy / executions).toFixed(0)} µs busy per execution, main thread idle ${((100 * idle) / summary.windowUs).toFixed(1)} %`,
    rows(summary.byPackage, 30, 'package'),
  );
  printTable(
    "Worker CPU by calling package (node's internals and native calls such as socket writes charged to the package that called them)",
    rows(summary.byCaller, 30, 'package'),
  );
  printTable('Worker top functions by self CPU', rows(summary.byFunction, top, 'function'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { executions: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, top: { type: 'string', default: '25' } },
  });
  const file = positionals[0];
  if (file === undefined || values.executions === undefined) {
    throw new Error('usage: worker-profile-summary.ts FILE.cpuprofile --executions N [--from µs] [--to µs] [--top 25]');
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const summary = summariseProfile(
    profile,
    values.from === undefined ? undefined : Number(values.from),
    values.to === undefined ? undefined : Number(values.to),
  );
  printProfileSummary(summary, Number(values.executions), Number(values.top));
}
