/**
 * A worker in its own process, for tests that kill it with SIGKILL. Configured by the same
 * environment variables as `npm start`; prints "ready" once it takes jobs.
 */
import { createPlatform } from '@promptops/api/composition';
import { createLogger, loadConfig } from '@promptops/config';
import { startWorkerRuntime } from '../worker-runtime';
import { FAST_RETRY, FAST_WORKER } from './fast-worker';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const platform = await createPlatform(config, logger, { retry: FAST_RETRY });
const runtime = startWorkerRuntime(platform, { ...FAST_WORKER, reconcileIntervalMs: 0 });
await Promise.all(runtime.workers.map((worker) => worker.waitUntilReady()));
process.stdout.write('ready\n');
