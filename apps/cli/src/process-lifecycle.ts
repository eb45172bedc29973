import { ConfigError, createLogger, loadConfig, type AppConfig, type Logger } from '@promptops/config';
import { exitWithError } from './errors/cli-errors';

/** Pino's severities, least severe first. */
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** The stricter of two levels: LOG_LEVEL may quieten a one-shot command, not make it chatty. */
const atLeast = (level: AppConfig['logLevel'], floor: AppConfig['logLevel']) => (LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(floor) ? level : floor);

/**
 * Loads the configuration once, or exits (code 2) with the validation message an operator can act
 * on, in one line. Servers log to stdout; one-shot commands log only warnings and errors, to stderr,
 * so their stdout holds only their answer (`KEY=$(promptops keys create ...)` must capture the key
 * and nothing else) and their stderr stays quiet unless something is wrong.
 */
export function loadConfigOrExit(options: { logTo?: 'stdout' | 'stderr' } = {}): { config: AppConfig; logger: Logger } {
  try {
    const config = loadConfig();
    const logger =
      options.logTo === 'stderr'
        ? createLogger({ level: atLeast(config.logLevel, 'warn'), name: 'promptops', destination: process.stderr })
        : createLogger({ level: config.logLevel, name: 'promptops' });
    return { config, logger };
  } catch (error) {
    if (error instanceof ConfigError) exitWithError(error);
    throw error;
  }
}

/** A repeat of the same signal within this window is one delivery seen twice, not a second request. */
const DUPLICATE_SIGNAL_MS = 1000;

/**
 * Runs `stop` once on SIGTERM or SIGINT, so in-flight jobs and requests finish before exit; a second
 * signal exits at once. Under `npm start` (which `exec`s node, so npm's forwarded SIGTERM reaches
 * this process) a Ctrl-C arrives twice: from the terminal, and again from npm, which forwards it to
 * its child. The same signal again within a second is that echo and is ignored. The listeners stay
 * registered, or Node's default action would end the process on the echo.
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
