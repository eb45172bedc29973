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

export function createLogger(options: { level: string; name?: string; destination?: DestinationStream }): Logger {
  const settings = { level: options.level, name: options.name, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
