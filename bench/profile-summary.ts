/**
 * Where a thread's CPU went, from a V8 .cpuprofile (`node --cpu-prof`, or event-loop.ts --cpu-profile):
 * self time by package, by calling package (node's internals and native calls charged to the package
 * that called them), and by function, and the inclusive time of this repository's own functions (a
 * route handler's inclusive time is everything it called, the libraries included). Idle samples are
 * left out of every table, so shares are of the time the thread was busy.
 *
 * Two uses:
 * - a whole profile (event-loop.ts writes one per phase): totals in ms;
 * - a window of it per execution (worker-memory.ts, execution-throughput.ts): `--from`/`--to` cut the
 *   profile so start-up (tsx compiling the CLI) and shut-down do not count, and `--executions N`
 *   divides by N. Window bounds are `process.hrtime` microseconds, the clock V8 stamps profiles with
 *   on Linux, so a benchmark can record them while it runs.
 *
 *   npx tsx bench/profile-summary.ts FILE.cpuprofile [--executions N] [--from µs] [--to µs] [--top 25]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printTable } from './bench-support';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
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
  /** Microseconds of the window the samples cover, idle included. */
  windowUs: number;
  /** Microseconds of the window the thread sat idle; the maps below leave these out. */
  idleUs: number;
  /** Self µs by package: `(gc)`, `node:net`, `bullmq`, `@promptops/domain`, … */
  byPackage: Map<string, number>;
  /** µs by the package whose code was running, node's internals and native calls charged to their caller. */
  byCaller: Map<string, number>;
  /** Self µs by function, keyed `package › name file:line`. */
  byFunction: Map<string, number>;
  /** Inclusive µs of this repository's functions (apps/, packages/), each counted once per sample. */
  inclusiveOwn: Map<string, number>;
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const OWN_PACKAGE = '@promptops/';

/** Which package a frame's code belongs to; V8's pseudo-frames keep their own names. */
function packageOf(frame: CallFrame): string {
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
    return area === 'packages' || area === 'apps' ? `${OWN_PACKAGE}${name}` : `${area}/${name}`;
  }
  return file;
}

/** Node's own code and native calls, which run on behalf of whichever package called them. */
const isRuntime = (pkg: string) => pkg.startsWith('node:') || pkg.startsWith('(native');

function functionKey(frame: CallFrame, pkg: string): string {
  const location = frame.url === '' ? '' : ` ${frame.url.split('/').at(-1)}:${frame.lineNumber + 1}`;
  return `${pkg} › ${frame.functionName || '(anonymous)'}${location}`;
}

/** Samples repeat the same few thousand stacks, so each node's answer is worked out once. */
function perNode<T>(compute: (id: number) => T): (id: number) => T {
  const answers = new Map<number, T>();
  return (id) => {
    let answer = answers.get(id);
    if (answer === undefined) {
      answer = compute(id);
      answers.set(id, answer);
    }
    return answer;
  };
}

/** Self and inclusive time over [fromUs, toUs] of the profile's clock (the whole profile by default). */
export function summariseProfile(profile: CpuProfile, fromUs = Number.NEGATIVE_INFINITY, toUs = Number.POSITIVE_INFINITY): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const pkgOf = perNode((id) => packageOf(frames.get(id)!));
  const callerOf: (id: number) => string = perNode((id) => {
    const parent = parents.get(id);
    // The root's children ((program), (gc), a native entry point) have no caller to charge.
    return isRuntime(pkgOf(id)) && parent !== undefined && parents.has(parent) ? callerOf(parent) : pkgOf(id);
  });
  const ownFunctionsOnStack = perNode((id) => {
    // Recursion would count a function once per level; a Set counts it once per sample.
    const seen = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
      if (pkgOf(current).startsWith(OWN_PACKAGE)) seen.add(functionKey(frames.get(current)!, pkgOf(current)));
    }
    return [...seen];
  });

  const summary: ProfileSummary = { windowUs: 0, idleUs: 0, byPackage: new Map(), byCaller: new Map(), byFunction: new Map(), inclusiveOwn: new Map() };
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  let at = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromUs || at > toUs) continue;
    // A sample stands for the gap to the next one (the last runs to endTime); V8 can stamp one early.
    const us = i + 1 < profile.samples.length ? Math.max(0, profile.timeDeltas[i + 1] ?? 0) : profile.endTime - at;
    summary.windowUs += us;
    const pkg = pkgOf(id);
    if (pkg === '(idle)') {
      summary.idleUs += us;
      continue;
    }
    add(summary.byPackage, pkg, us);
    add(summary.byCaller, callerOf(id), us);
    add(summary.byFunction, functionKey(frames.get(id)!, pkg), us);
    for (const key of ownFunctionsOnStack(id)) add(summary.inclusiveOwn, key, us);
  }
  return summary;
}

export interface PrintOptions {
  /** Divides every figure by this and prints µs per execution; without it, ms in total. */
  executions?: number;
  /** Rows per table. */
  top?: number;
  /** Prefixed to each table's title, such as `Worker` or `API`. */
  title?: string;
}

/** Prints the summary's tables, each row with its share of the thread's busy time. */
export function printProfileSummary(summary: ProfileSummary, { executions, top = 25, title }: PrintOptions = {}): void {
  const busy = summary.windowUs - summary.idleUs;
  const [unit, divisor] = executions === undefined ? ['ms', 1000] : ['µs per execution', executions];
  const figure = (us: number) => (us / divisor).toFixed(1);
  const heading = (text: string) => (title === undefined ? text : `${title}: ${text}`);
  const table = (text: string, entries: Map<string, number>, column: string) => {
    // printTable would draw an empty table as a bare border (a profile may hold none of this repository's code).
    if (entries.size === 0) {
      process.stdout.write(`\n${heading(text)}: none sampled\n`);
      return;
    }
    const rows = [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ [column]: name, [unit]: figure(us), '% of busy': ((100 * us) / busy).toFixed(1) }));
    printTable(heading(text), rows);
  };
  const totals =
    executions === undefined
      ? `${figure(busy)} ms busy of ${figure(summary.windowUs)} ms`
      : `${executions} executions in ${(summary.windowUs / 1e6).toFixed(1)} s, ${figure(busy)} µs busy per execution`;
  const idle = summary.windowUs === 0 ? 0 : (100 * summary.idleUs) / summary.windowUs;
  table(`Self CPU by package, ${totals}, thread idle ${idle.toFixed(1)} %`, summary.byPackage, 'package');
  table(
    "CPU by calling package (node's internals and native calls such as socket writes charged to the package that called them)",
    summary.byCaller,
    'package',
  );
  table('Top functions by self CPU', summary.byFunction, 'function');
  table("Inclusive CPU of this repository's functions (all they called, once per sample)", summary.inclusiveOwn, 'function');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const usage = 'usage: profile-summary.ts FILE.cpuprofile [--executions N] [--from µs] [--to µs] [--top 25]';
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { executions: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, top: { type: 'string', default: '25' } },
  });
  const file = positionals[0];
  if (file === undefined) throw new Error(usage);
  // A mistyped bound would otherwise be NaN, which silently cuts nothing.
  const number = (flag: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const parsed = Number(text);
    if (!Number.isFinite(parsed)) throw new Error(`--${flag} must be a number; ${usage}`);
    return parsed;
  };
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const summary = summariseProfile(profile, number('from', values.from), number('to', values.to));
  printProfileSummary(summary, { executions: number('executions', values.executions), top: number('top', values.top) });
}
