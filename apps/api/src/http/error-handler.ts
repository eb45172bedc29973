import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  BudgetExceededError,
  CsrfRejectedError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  InvalidRequestError,
  NotConfiguredError,
  NotFoundError,
  PayloadTooLargeError,
  PromptConflictError,
  PromptRenderError,
  PromptSchemaError,
  PlatformError,
  PromptValidationError,
  RateLimitedError,
  ServiceUnavailableError,
  UnauthorizedError,
} from '@promptops/errors';
import type { Logger } from '@promptops/config';
import { DependencyOutages } from './dependency-outages';

export interface ErrorBody {
  error: { type: string; message: string; details: unknown };
}

/** The one place that turns an error into an HTTP status; anything unrecognised is a 500. */
function statusOf(error: PlatformError): ContentfulStatusCode {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof InvalidRequestError) return 400;
  if (error instanceof UnauthorizedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof CsrfRejectedError) return 403;
  if (error instanceof RateLimitedError) return 429;
  if (error instanceof BudgetExceededError) return 429;
  if (error instanceof NotConfiguredError) return 409;
  if (error instanceof PayloadTooLargeError) return 413;
  if (error instanceof PromptConflictError) return 409;
  if (error instanceof PromptRenderError) return 422;
  if (error instanceof PromptValidationError) return 422;
  if (error instanceof PromptSchemaError) return 422;
  if (error instanceof IdempotencyKeyReusedError) return 422;
  if (error instanceof ServiceUnavailableError) return 503;
  const status = (error as { status?: number }).status;
  return typeof status === 'number' && status >= 400 && status < 600 ? (status as ContentfulStatusCode) : 400;
}

const HTTP_EXCEPTION_TYPES: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function errorBody(type: string, message: string, details: unknown = null): ErrorBody {
  return { error: { type, message, details } };
}

/**
 * PostgreSQL errors a request's own values cause, by SQLSTATE: class 22 (data exception: a date or
 * number out of range, text a column cannot hold) is the client's mistake; foreign-key and unique
 * violations mean the request conflicts with rows as they are now. The driver's message quotes the
 * SQL and its values, so it is logged, never answered.
 */
function databaseRefusal(error: Error): { status: ContentfulStatusCode; body: ErrorBody } | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code.startsWith('22'))
    return { status: 400, body: errorBody('invalid_request', 'A value in the request cannot be stored or compared by the database', { sqlstate: code }) };
  if (code === '23503' || code === '23505') return { status: 409, body: errorBody('conflict', 'The request conflicts with stored data', { sqlstate: code }) };
  return undefined;
}

/** Socket errors of a connection to PostgreSQL that cannot be made or was lost. */
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/**
 * What pg and knex say, without a code, when a connection drops or the pool has none to give. knex
 * prefixes the failed SQL, with its values, and " - ", so only the text after that is compared.
 */
const CONNECTION_LOST =
  /^(Connection terminated( unexpectedly| due to connection timeout)?|Connection ended unexpectedly|timeout exceeded when trying to connect|Knex: Timeout acquiring a connection\b.*)$/s;

/**
 * The database cannot serve anyone right now, as opposed to refusing this request: the connection
 * failed or dropped, the pool found none in time, or PostgreSQL reports SQLSTATE class 08
 * (connection exception), 53 (insufficient resources: too many connections, disk full) or 57
 * (operator intervention: shutting down, starting up, statement cancelled). knex and MikroORM may
 * wrap the driver's error, so its causes are searched too. Only database calls fail this way in a
 * request; Redis calls wait for a reconnect instead, and are bounded where they are made.
 */
function databaseUnavailable(error: Error): ServiceUnavailableError | undefined {
  const unavailable = (reason: string) => new ServiceUnavailableError('database', reason, undefined, { cause: error });
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++, current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (CONNECTION_ERROR_CODES.has(code)) return unavailable(code);
      if (/^(08|53|57)[0-9A-Z]{3}$/.test(code)) return unavailable(`sqlstate ${code}`);
    } else {
      const after = current.message.lastIndexOf(' - ');
      const lost = CONNECTION_LOST.exec(after < 0 ? current.message : current.message.slice(after + 3))?.[0];
      // Those words, never the message, which may quote the SQL and its values.
      if (lost) return unavailable(lost.startsWith('Knex: Timeout') ? 'no pooled connection in time' : lost);
    }
  }
  return undefined;
}

/**
 * Maps every error to its HTTP answer. `outages` logs a dependency's outage once, at warn, rather
 * than an error with a stack trace for every request that fails while it lasts.
 */
export function createErrorHandler(logger: Logger, outages = new DependencyOutages(logger)) {
  return function handleError(caught: Error, c: Context): Response {
    // An error raised on purpose (its message may quote the request) is never taken for an outage.
    const error = caught instanceof PlatformError || caught instanceof HTTPException ? caught : (databaseUnavailable(caught) ?? caught);
    if (error instanceof PlatformError) {
      if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
      if (error instanceof ServiceUnavailableError) {
        outages.failed(error.dependency, error.reason, 'answering 503');
        c.header('Retry-After', String(error.retryAfterSeconds));
      }
      if (error instanceof UnauthorizedError) c.header('WWW-Authenticate', 'Bearer realm="promptops"');
      return c.json(errorBody(error.type, error.message, error.details), statusOf(error));
    }
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      const type = HTTP_EXCEPTION_TYPES[status] ?? (status >= 500 ? 'internal_error' : 'invalid_request');
      const response = error.res;
      if (response) {
        for (const [name, value] of response.headers) if (name.toLowerCase() === 'retry-after') c.header(name, value);
      }
      return c.json(errorBody(type, error.message || 'Request failed'), status);
    }
    const refusal = databaseRefusal(error);
    if (refusal) {
      logger.warn({ err: error, path: c.req.path, method: c.req.method }, 'database refused a request value');
      return c.json(refusal.body, refusal.status);
    }
    logger.error({ err: error, path: c.req.path, method: c.req.method }, 'unhandled error');
    return c.json(errorBody('internal_error', 'Internal server error'), 500);
  };
}
