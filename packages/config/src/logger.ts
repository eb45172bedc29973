import { pino, type DestinationStream, type Logger } from 'pino';

export type { DestinationStream, Logger } from 'pino';

/**
 * Paths that may hold secrets anywhere in a log line; pino replaces them before serialising. Code
 * never logs keys on purpose; this catches objects (requests, configs, errors) logged whole.
 */
const REDACTED_PATHS = [
  'apiKey',
  '*.apiKey',
  'api_key',
  '*.api_key',
  'key',
  '*.key',
  'key_hash',
  '*.key_hash',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'metricsToken',
  '*.metricsToken',
  'providers[*].apiKey',
  'config.providers[*].apiKey',
  'authorization',
  '*.authorization',
  'cookie',
  '*.cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
];

/**
 * Logs to `destination`, by default to stdout without blocking: a line is handed to the operating
 * system by an asynchronous write, and lines logged while one is in flight go out together in the
 * next, so a busy server (an access line per request) makes far fewer system calls than one
 * synchronous write per line. Nothing waits for a buffer to fill, so a quiet server's lines appear
 * at once; pino flushes what is pending when the process exits.
 */
export function createLogger(options: { level: string; name?: string; destination?: DestinationStream }): Logger {
  const settings = { level: options.level, name: options.name, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return pino(settings, options.destination ?? pino.destination({ dest: 1, sync: false }));
}
