/**
 * Where a thread's time went, from a V8 .cpuprofile (`node --cpu-prof`, or event-loop.ts --cpu-profile):
 * self time per package and per function, and inclusive time per function of this repository (a
 * route handler's inclusive time is everything it called, the libraries included). Idle samples are
 * left out, so shares are of the time the thread was busy.
 *
 *   npx tsx bench/cpu-profile-summary.ts FILE.cpuprofile [--top 30]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { printTable } from './bench-support';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  /** µs between consecutive samples; the first is from startTime. */
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' } } });
const file = positionals[0];
if (file === undefined) throw new Error('usage: cpu-profile-summary.ts FILE.cpuprofile [--top 30]');
const top = Number(values.top);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

/** The npm package, the workspace, node's own code, or the VM's pseudo-frames ((garbage collector), ...). */
function origin(frame: ProfileNode['callFrame']): string {
  if (frame.url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const dependency = frame.url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1]!;
  const workspace = frame.url.match(/\/((?:apps|packages)\/[^/]+)\//);
  if (workspace) return workspace[1]!;
  return frame.url.startsWith('node:') ? 'node' : frame.url;
}

function label(frame: ProfileNode['callFrame']): string {
  const file = frame.url.replace(/^.*\/((?:apps|packages|bench)\/)/, '$1').replace(/^.*node_modules\//, '');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

const selfByOrigin = new Map<string, number>();
const selfByFunction = new Map<string, number>();
const inclusiveOwn = new Map<string, number>();
const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
let busyMs = 0;
// A sample's duration is the gap to the next one (the last runs to endTime).
let at = profile.startTime;
const times = profile.timeDeltas.map((delta) => (at += delta));
for (const [i, id] of profile.samples.entries()) {
  const node = nodes.get(id)!;
  if (node.callFrame.functionName === '(idle)') continue;
  const ms = ((times[i + 1] ?? profile.endTime) - times[i]!) / 1000;
  busyMs += ms;
  add(selfByOrigin, origin(node.callFrame), ms);
  add(selfByFunction, label(node.callFrame), ms);
  // Recursion would count a frame once per level; each function once per sample.
  const seen = new Set<string>();
  for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
    const frame = nodes.get(current)!.callFrame;
    if (!/\/(apps|packages)\//.test(frame.url) || frame.url.includes('node_modules')) continue;
    const key = label(frame);
    if (!seen.has(key)) inclusiveOwn.set(key, (inclusiveOwn.get(key) ?? 0) + ms);
    seen.add(key);
  }
}

const rows = (map: Map<string, number>, column: string) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => ({ [column]: key, ms: ms.toFixed(1), share: `${((100 * ms) / busyMs).toFixed(1)}%` }));
const spanMs = (profile.endTime - profile.startTime) / 1000;
process.stdout.write(`${file}: busy ${busyMs.toFixed(0)} ms of ${spanMs.toFixed(0)} ms\n`);
printTable('self time by origin', rows(selfByOrigin, 'origin'));
printTable('self time by function', rows(selfByFunction, 'function'));
printTable("inclusive time of this repository's functions", rows(inclusiveOwn, 'function'));
