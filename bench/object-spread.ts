/**
 * Bytes that object literals leave in V8's old generation per evaluation, by shape. On Node 20
 * (V8 11.3) a literal that opens with a spread and goes on with more members (`{ ...row, id }`)
 * is allocated there, so it outlives the young generation's cheap collections and piles up until a
 * full collection: under load, the API's latency spikes and the worker's growing RSS (bench/README.md).
 * The same members in another order cost nothing there, which is why the hot paths write their
 * literals members first. Run it again on a newer Node to see whether the rule still holds.
 *
 *   npx tsx bench/object-spread.ts [--calls 200000]
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { parseArgs } from 'node:util';
import { printTable } from './bench-support';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '200000' } } });
const calls = Number(values.calls);

const oldSpaceUsed = () => getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')?.space_used_size ?? 0;

/** Shaped like the submission's row: five tracking columns and six model settings. */
const tracking = (i: number) => ({ idempotency_key: null, request_id: `r${i}`, dataset_entry_id: null, run_id: null, repetition: 0 });
const settings = () => ({ provider: 'mock', model: 'mock-1', temperature: 0.7, max_tokens: null, max_validation_retries: 2, output_schema: null });

const SHAPES: [string, (i: number) => object][] = [
  ['{ ...a }', (i) => ({ ...tracking(i) })],
  ['{ k, ...a }', (i) => ({ kind: 'template', ...tracking(i) })],
  ['{ k, m, n, ...a, ...b }', (i) => ({ kind: 'template', template_id: 't', input_context: { n: i }, ...tracking(i), ...settings() })],
  ['Object.assign({}, a, { k })', (i) => Object.assign({}, tracking(i), { kind: 'template' })],
  ['{ ...a, k }', (i) => ({ ...tracking(i), kind: 'template' })],
  ['{ ...a, ...b }', (i) => ({ ...tracking(i), ...settings() })],
  ['{ ...a, k, m, n, ...b }', (i) => ({ ...tracking(i), kind: 'template', template_id: 't', input_context: { n: i }, ...settings() })],
];

/**
 * Sums the old space's growth between samples, so a full collection in between (which shrinks it)
 * does not hide what came before. Asynchronous like the request paths it stands for.
 */
async function oldBytesPerCall(make: (i: number) => object): Promise<number> {
  for (let i = 0; i < calls / 10; i++) await make(i); // let the optimising compiler settle first
  let grown = 0;
  let last = oldSpaceUsed();
  for (let i = 0; i < calls; i++) {
    await make(i);
    if (i % 100 === 0) {
      const now = oldSpaceUsed();
      if (now > last) grown += now - last;
      last = now;
    }
  }
  return grown / calls;
}

const rows: Record<string, string>[] = [];
for (const [shape, make] of SHAPES) rows.push({ literal: shape, 'old-generation bytes per literal': (await oldBytesPerCall(make)).toFixed(0) });
printTable(`Object literals, ${calls} each (Node ${process.versions.node}, V8 ${process.versions.v8})`, rows);
