import type { MiddlewareHandler } from 'hono';
import type { Logger } from '@promptops/config';
import type { AppEnv } from '../../http/app-env';

/**
 * One structured line per request: method, path (never the query string, which may carry
 * secrets), status, duration, request id and the key id — never the key, headers or cookies.
 */
export function accessLog(options: { logger: Logger }): MiddlewareHandler<AppEnv> {
  // Without redaction: the line holds only the fields below, and pino's redaction parses every path
  // again for every field of every line (bench/README.md).
  const log = options.logger.child({ component: 'http' }, { redact: [] });
  return async function logAccess(c, next) {
    const started = performance.now();
    await next();
    const principal = c.get('principal');
    const status = c.res.status;
    const line = {
      request_id: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
      key_id: principal?.kind === 'api_key' ? principal.key_id : null,
      principal: principal?.kind ?? null,
    };
    // A 503 means a dependency is down: the error handler logs the outage once, not per request.
    if (status >= 500 && status !== 503) log.error(line, 'request failed');
    else log.info(line, 'request');
  };
}
