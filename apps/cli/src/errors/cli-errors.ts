import { CommanderError } from 'commander';
import { ConfigError } from '@promptops/config';
import { PlatformError } from '@promptops/errors';
import { ApiError } from '../api-client';
import { USAGE_EXIT_CODE, UsageError } from '../usage-error';
import { sqlStateOf } from './database-errors';

/** The command ran and failed, or what it needs (database, server) could not be used. */
const FAILURE_EXIT_CODE = 1;

/** Error types that mean the input was wrong (a bad value, a name that does not exist), as the API answers 400/404/413/422. */
const INPUT_ERROR_TYPES = new Set(['invalid_request', 'not_found', 'payload_too_large', 'validation_error', 'render_error', 'schema_error']);
const INPUT_ERROR_STATUSES = new Set([400, 404, 413, 422]);

/** Several lines as one: a heading's items (`Invalid configuration:`) joined by `;`, a suggestion under a message by a space. */
export function oneLine(text: string): string {
  const [first = '', ...rest] = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (rest.length === 0) return first;
  return first.endsWith(':') ? `${first} ${rest.join('; ')}` : `${first} ${rest.join(' ')}`;
}

/**
 * 2 when the command was called wrongly: a bad option or argument, bad configuration, input the
 * platform refuses, or a name or id that does not exist. 0 for help. 1 for everything else: the
 * operation failed, the database or the API could not be used, or an unexpected error.
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
  if (error instanceof UsageError || error instanceof ConfigError) return USAGE_EXIT_CODE;
  if (error instanceof PlatformError) return INPUT_ERROR_TYPES.has(error.type) ? USAGE_EXIT_CODE : FAILURE_EXIT_CODE;
  if (error instanceof ApiError) return INPUT_ERROR_STATUSES.has(error.status) ? USAGE_EXIT_CODE : FAILURE_EXIT_CODE;
  // Data exceptions: a value the database cannot take, as the API answers 400.
  if (sqlStateOf(error)?.startsWith('22')) return USAGE_EXIT_CODE;
  return FAILURE_EXIT_CODE;
}

/**
 * What the user reads: one line, no stack trace, and never a driver's message, which quotes the
 * SQL statement and its values.
 */
export function errorLine(error: unknown): string {
  const sqlState = sqlStateOf(error);
  if (sqlState && !(error instanceof PlatformError)) return `error: the database refused the request (SQLSTATE ${sqlState})`;
  const message = error instanceof Error ? error.message : String(error);
  return `error: ${oneLine(message) || (error as Error).name}`;
}

/** Ends the process for an error that reached the top: commander has already said what it had to. */
export function exitWithError(error: unknown): never {
  if (!(error instanceof CommanderError)) process.stderr.write(`${errorLine(error)}\n`);
  process.exit(exitCodeFor(error));
}
