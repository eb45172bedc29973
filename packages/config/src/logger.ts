import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Paths that may hold secrets anywhere in a log line; pino replaces them before serialising. */
const REDACTED_PATHS = [
  'apiKey',
  '*.apiKey',
  'api_key',
  '*.api_key',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
];

export function createLogger(options: { level: string; name?: string }): Logger {
  return pino({
    level: options.level,
    name: options.name,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  });
}
