import path from 'node:path';
import { checkExposure, createApp, startApiServer, type RunningServer } from '@promptops/api';
import { createPlatform } from '@promptops/api/composition';
import { seedIfEmpty } from '@promptops/domain';
import { createTelemetry } from '@promptops/telemetry';
import { startMetricsServer, startWorkerRuntime, type RunningMetricsServer, type WorkerRuntime } from '@promptops/worker';
import { WEB_DIR, ensureConsoleBuilt } from '../console-build';
import { withDatabaseErrors } from '../errors/database-errors';
import { loadConfigOrExit, onShutdown } from '../process-lifecycle';

export interface ServeParts {
  api: boolean;
  worker: boolean;
  migrate: boolean;
  seed: boolean;
}

/** Builds the platform and starts the parts asked for, until a shutdown signal. */
export async function runServer(parts: ServeParts): Promise<void> {
  const { config, logger } = loadConfigOrExit();
  const platform = await withDatabaseErrors(config.databaseUrl, () =>
    createPlatform(config, logger, { migrate: parts.migrate, telemetry: createTelemetry({ processMetrics: true }) }),
  );
  if (parts.seed) {
    const report = await seedIfEmpty(platform.services);
    if (report?.created.length) logger.info({ templates: report.created }, 'seeded built-in templates');
    if (report?.upgraded.length) logger.info({ templates: report.upgraded }, 'upgraded built-in templates to a new version');
  }
  if (parts.api) {
    const exposure = await checkExposure(config.host, platform.services.apiKeys, config.promptopsCommand);
    if (!exposure.ok) {
      process.stderr.write(`${exposure.message}\n`);
      await platform.close();
      process.exit(2);
    }
    if (exposure.localOnly) {
      logger.warn(
        `no API key exists: serving clients on this machine only, without authentication; create one with \`${config.promptopsCommand} keys create --name admin --scope admin\``,
      );
    }
    // Before the worker takes jobs, so a Ctrl-C during a long build interrupts nothing.
    await ensureConsoleBuilt(logger);
  }
  let server: RunningServer | undefined;
  let worker: WorkerRuntime | undefined;
  let metricsServer: RunningMetricsServer | undefined;
  // With the API in the same process its /metrics already shows the worker's series. Bound before
  // the worker starts, so a refused address stops the process before it takes any job.
  if (parts.worker && !parts.api && config.workerMetricsPort > 0) {
    try {
      metricsServer = await startMetricsServer(platform.telemetry, { host: config.host, port: config.workerMetricsPort, token: config.metricsToken });
    } catch (error) {
      process.stderr.write(`Cannot serve worker metrics: ${(error as Error).message}\n`);
      await platform.close();
      process.exit(2);
    }
    logger.info({ url: metricsServer.url }, 'worker metrics listening');
  }
  if (parts.worker) worker = startWorkerRuntime(platform);
  if (parts.api) {
    // Named here, not left to the API's default beside its own sources: in the compiled bundle
    // (apps/cli/dist) only this package's location is known.
    const app = createApp({ ...platform, consoleDir: path.join(WEB_DIR, 'dist') });
    server = await startApiServer(app, { host: config.host, port: config.port });
    const { providers } = platform;
    logger.info(
      {
        url: server.url,
        console: `${server.url}/`,
        docs: `${server.url}/docs`,
        queues: `${server.url}/admin/queues`,
        providers: providers.names(),
        auto: providers.resolveName('auto'),
      },
      'API listening',
    );
  }
  onShutdown(logger, async () => {
    await server?.close();
    await metricsServer?.close();
    await worker?.close();
    await platform.close();
  });
}
