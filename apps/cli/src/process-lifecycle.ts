import { ConfigError, createLogger, loadConfig, type AppConfig, type Logger } from '@promptops/config';

/**
 * Loads the configuration once, or exits with the validation message an operator can act on.
 * Servers log to stdout; one-shot commands log to stderr so their stdout holds only their answer
 * (`KEY=$(promptops keys create ...)` must capture the key and nothing else).
 */
export function loadConfigOrExit(options: { logTo?: 'stdout' | 'stderr' } = {}): { config: AppConfig; logger: Logger } {
  try {
    const config = loadConfig();
    const destination = options.logTo === 'stderr' ? { destination: process.stderr } : {};
    return { config, logger: createLogger({ level: config.logLevel, name: 'promptops', ...destination }) };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/**
 * Runs `stop` once on SIGTERM or SIGINT, so in-flight jobs and requests finish before exit; a second
 * signal exits at once.
 */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down gracefully');
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', handle);
  process.once('SIGINT', handle);
}
