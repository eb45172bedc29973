/**
 * `npm run bench`: runs the benchmarks one after another, each in a process of its own with its
 * default settings, so one never measures while another loads the machine. Names select some:
 *
 *   npm run bench                              # all of them
 *   npm run bench -- evaluation-throughput     # one (or several, in the order given)
 *
 * For other settings run a script directly, e.g. `npx tsx bench/evaluation-throughput.ts --entries 200`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = [
  'execution-throughput',
  'submission',
  'evaluation-throughput',
  'console-speed',
  'event-loop',
  'analytics-queries',
  'analytics-recording',
  'worker-memory',
  'horizontal-scale',
  'object-spread',
] as const;

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark: ${unknown.join(', ')}; choose from ${BENCHMARKS.join(', ')}\n`);
  process.exit(2);
}

function run(name: string): Promise<number> {
  const script = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

for (const name of requested.length > 0 ? requested : BENCHMARKS) {
  process.stdout.write(`\n=== ${name}\n`);
  const started = performance.now();
  const code = await run(name);
  if (code !== 0) {
    process.stderr.write(`${name} failed (exit ${code})\n`);
    process.exit(code);
  }
  process.stdout.write(`=== ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
