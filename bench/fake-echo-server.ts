/**
 * The fake OpenAI-compatible provider in a process of its own, as a real provider would be, so its
 * HTTP handling does not share a CPU with the worker being measured. Answers `{"n": <n>}` for a prompt
 * containing `#<n>`, after `--latency` ms; prints its base URL on stdout.
 */
import { parseArgs } from 'node:util';
import { startFakeOpenAiServer } from '@promptops/providers/testing';

const { values } = parseArgs({ options: { latency: { type: 'string', default: '100' } } });
const latencyMs = Number(values.latency);
const fake = await startFakeOpenAiServer({
  recordRequests: false,
  default: {
    type: 'choose',
    pick: (body) => ({ type: 'json', value: { n: Number(/#(\d+)/.exec(body.messages?.at(-1)?.content ?? '')?.[1]) }, latencyMs }),
  },
});
process.stdout.write(`${fake.url}\n`);
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
