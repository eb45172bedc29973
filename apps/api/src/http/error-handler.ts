import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  CsrfRejectedError,
  ForbiddenError,
  InvalidRequestError,
  PayloadTooLargeError,
  PromptConflictError,
  PromptRenderError,
  PromptSchemaError,
  PromptTemplateError,
  PromptTemplateNotFoundError,
  PromptValidationError,
  RateLimitedError,
  UnauthorizedError,
} from '@promptops/errors';
import type { Logger } from '@promptops/config';

export interface ErrorBody {
  error: { type: string; message: string; details: unknown };
}

/** The one place that turns an error into an HTTP status; anything unrecognised is a 500. */
function statusOf(error: PromptTemplateError): ContentfulStatusCode {
  if (error instanceof PromptTemplateNotFoundError) return 404;
  if (error instanceof InvalidRequestError) return 400;
  if (error instanceof UnauthorizedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof CsrfRejectedError) return 403;
  if (error instanceof RateLimitedError) return 429;
  if (error instanceof PayloadTooLargeError) return 413;
  if (error instanceof PromptConflictError) return 409;
  if (error instanceof PromptRenderError) return 422;
  if (error instanceof PromptValidationError) return 422;
  if (error instanceof PromptSchemaError) return 422;
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
  if (code.startsWith('22')) return { status: 400, body: errorBody('invalid_request', 'A value in the request cannot be stored or compared by the database', { sqlstate: code }) };
  if (code === '23503' || code === '23505') return { status: 409, body: errorBody('conflict', 'The request conflicts with stored data', { sqlstate: code }) };
  return undefined;
}

export function createErrorHandler(logger: Logger) {
  return function handleError(error: Error, c: Context): Response {
    if (error instanceof PromptTemplateError) {
      if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
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
