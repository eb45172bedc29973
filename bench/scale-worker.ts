/**
 * One worker process for horizontal-scale.ts, built as the `worker` command builds it (the platform
 * from the environment, process metrics on, then startWorkerRuntime) but with the mock provider
 * answering after `--latency` ms, which the command has no setting for. Driven over IPC: it reports
 * `ready` once built, and `start` / `stop` start a worker runtime and close it (running jobs finish),
 * so the platform is built once and the same processes serve every round.
 */
import { parseArgs } from 'node:util';
import { createPlatform } from '@promptops/api/composition';
import { createLogger, loadConfig } from '@promptops/config';
import { createTelemetry } from '@promptops/telemetry';
import { startWorkerRuntime, type WorkerRuntime } from '@promptops/worker';

export type ScaleWorkerCommand = 'start' | 'stop';

const { values } = parseArgs({ options: { latency: { type: 'string', default: '100' } } });
const config = loadConfig();
const platform = await createPlatform(config, createLogger({ level: config.logLevel }), {
  mockLatencyMs: Number(values.latency),
  telemetry: createTelemetry({ processMetrics: true }),
});
let runtime: WorkerRuntime | undefined;

process.on('message', (command: ScaleWorkerCommand) => {
  const done = () => process.send?.({ done: command });
  if (command === 'start') {
    runtime ??= startWorkerRuntime(platform);
    // BullMQ connects and starts fetching in the background; ready means it is taking jobs.
    void Promise.all(runtime.workers.map((worker) => worker.waitUntilReady())).then(done);
  } else {
    const closing = runtime?.close();
    runtime = undefined;
    void Promise.resolve(closing).then(done);
  }
});
process.on('disconnect', () => {
  void Promise.resolve(runtime?.close())
    .then(() => platform.close())
    .then(() => process.exit(0));
});
process.send?.({ ready: true });
