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

/** A repeat of the same signal within this window is one delivery seen twice, not a second request. */
const DUPLICATE_SIGNAL_MS = 1000;

/**
 * Runs `stop` once on SIGTERM or SIGINT, so in-flight jobs and requests finish before exit; a second
 * signal exits at once. Under `npm start` a Ctrl-C reaches both tsx and this process, and tsx relays
 * it again when our acknowledgement is slow: the same signal again within a second is that echo and
 * is ignored. The listeners stay registered, or tsx's own would exit the process on the echo.
 */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let first: { signal: NodeJS.Signals; at: number } | undefined;
  const handle = (signal: NodeJS.Signals) => {
    if (first) {
      if (signal === first.signal && Date.now() - first.at < DUPLICATE_SIGNAL_MS) return;
      process.exit(1);
    }
    first = { signal, at: Date.now() };
    logger.info({ signal }, 'shutting down gracefully');
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}
