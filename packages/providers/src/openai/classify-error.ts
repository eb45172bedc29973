import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProviderError, type ProviderErrorKind } from '../provider-error';
import { redactSecrets } from './redact';
import { parseRetryAfter } from './retry-after';

export interface CallContext {
  provider: string;
  model: string;
  apiKey: string | undefined;
  /** Where the operator configures the key, named in auth errors (never the key itself). */
  keyHint: string;
  /** Base URL without credentials or query, named in not-found errors. */
  endpoint: string;
  timeoutMs: number;
  /** True when our own deadline aborted the call. */
  timedOut: boolean;
  callerSignal: AbortSignal | undefined;
}

function serverMessage(error: APIError, ctx: CallContext): string {
  const body = error.error as { message?: unknown } | string | undefined;
  const raw = typeof body === 'string' ? body : typeof body?.message === 'string' ? body.message : error.message;
  return redactSecrets(raw, ctx.apiKey);
}

function fromStatus(error: APIError, status: number, ctx: CallContext): ProviderError {
  const where = `${ctx.provider} (model "${ctx.model}")`;
  const detail = serverMessage(error, ctx);
  const details = {
    model: ctx.model,
    serverMessage: detail,
    ...(error.code ? { code: error.code } : {}),
    ...(error.requestID ? { requestId: error.requestID } : {}),
  };
  const make = (kind: ProviderErrorKind, retryable: boolean, message: string, retryAfterMs?: number) =>
    new ProviderError(message, { kind, retryable, provider: ctx.provider, status, retryAfterMs, details });

  if (status === 429) {
    const retryAfterMs = parseRetryAfter(error.headers);
    // OpenAI answers 429 for an exhausted billing quota too; waiting does not fix that.
    if (error.code === 'insufficient_quota') {
      return make('rate_limited', false, `${where} refused the call: quota exhausted (HTTP 429): ${detail}`);
    }
    const wait = retryAfterMs === undefined ? '' : `; retry after ${retryAfterMs} ms`;
    return make('rate_limited', true, `${where} rate-limited the call (HTTP 429)${wait}: ${detail}`, retryAfterMs);
  }
  if (status >= 500 || status === 409) {
    return make('server_error', true, `${where} failed with HTTP ${status}: ${detail}`);
  }
  if (status === 408) return make('timeout', true, `${where} timed out server-side (HTTP 408): ${detail}`);
  if (status === 401 || status === 403) {
    return make('auth', false, `${where} rejected the credentials (HTTP ${status}); check ${ctx.keyHint}: ${detail}`);
  }
  if (status === 404) {
    return make('not_found', false, `${where} returned HTTP 404: the model does not exist there or the base URL ${ctx.endpoint} is wrong: ${detail}`);
  }
  return make('bad_request', false, `${where} rejected the request as invalid (HTTP ${status}): ${detail}`);
}

function timeoutError(ctx: CallContext): ProviderError {
  return new ProviderError(`${ctx.provider} (model "${ctx.model}") did not answer within ${ctx.timeoutMs} ms`, {
    kind: 'timeout',
    retryable: true,
    provider: ctx.provider,
    details: { model: ctx.model, timeoutMs: ctx.timeoutMs },
  });
}

function causeText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
    current = current.cause;
  }
  return parts.join(': ');
}

/** Maps anything the SDK (or fetch underneath it) throws onto a classified, secret-free ProviderError. */
export function classifyError(error: unknown, ctx: CallContext): ProviderError {
  if (error instanceof ProviderError) return error;
  if (ctx.timedOut || error instanceof APIConnectionTimeoutError) return timeoutError(ctx);
  if (error instanceof APIUserAbortError || ctx.callerSignal?.aborted) {
    const reason: unknown = ctx.callerSignal?.reason;
    // AbortSignal.timeout() from the caller is a deadline, which the queue may retry.
    if (reason instanceof DOMException && reason.name === 'TimeoutError') return timeoutError(ctx);
    return new ProviderError(`${ctx.provider} (model "${ctx.model}") call was cancelled by the caller`, {
      kind: 'unknown',
      retryable: false,
      provider: ctx.provider,
      details: { model: ctx.model, cancelled: true },
    });
  }
  if (error instanceof APIConnectionError) {
    const cause = redactSecrets(causeText(error.cause ?? error), ctx.apiKey);
    return new ProviderError(`Cannot reach ${ctx.provider} at ${ctx.endpoint}: ${cause}`, {
      kind: 'connection',
      retryable: true,
      provider: ctx.provider,
      details: { model: ctx.model, endpoint: ctx.endpoint, cause },
    });
  }
  if (error instanceof APIError && typeof error.status === 'number') return fromStatus(error, error.status, ctx);
  // A 200 whose body claims JSON but is not: the SDK's response.json() throws a SyntaxError.
  if (error instanceof SyntaxError) {
    return new ProviderError(`${ctx.provider} (model "${ctx.model}") sent a response body that is not valid JSON`, {
      kind: 'malformed_response',
      retryable: true,
      provider: ctx.provider,
      details: { model: ctx.model, cause: redactSecrets(error.message, ctx.apiKey) },
    });
  }
  // fetch reports a socket dropped mid-body as TypeError("terminated"); that is transient.
  if (error instanceof TypeError && /terminated|fetch failed|socket/i.test(causeText(error))) {
    const cause = redactSecrets(causeText(error), ctx.apiKey);
    return new ProviderError(`Connection to ${ctx.provider} broke during the call: ${cause}`, {
      kind: 'connection',
      retryable: true,
      provider: ctx.provider,
      details: { model: ctx.model, endpoint: ctx.endpoint, cause },
    });
  }
  const text = redactSecrets(error instanceof Error ? causeText(error) : String(error), ctx.apiKey);
  return new ProviderError(`${ctx.provider} (model "${ctx.model}") call failed unexpectedly: ${text}`, {
    kind: 'unknown',
    retryable: false,
    provider: ctx.provider,
    details: { model: ctx.model },
  });
}
