import type { MiddlewareHandler } from 'hono';
import { InvalidRequestError } from '@promptops/errors';
import type { AppEnv } from '../../http/app-env';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../../http/storable-text';

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // Not valid percent-encoded UTF-8: routes see it undecoded too.
  }
}

/**
 * Refuses a path or query string carrying text PostgreSQL cannot store (NUL, unpaired surrogates)
 * with 400, for every route at once, before it reaches a query; JSON bodies are checked by jsonLimits.
 */
export function storableText(): MiddlewareHandler<AppEnv> {
  return async function checkText(c, next) {
    if (!new URL(c.req.url).pathname.split('/').every((segment) => isStorableText(decoded(segment)))) {
      throw new InvalidRequestError(`The path ${UNSTORABLE_TEXT_MESSAGE}`, { location: 'path' });
    }
    for (const [name, values] of Object.entries(c.req.queries())) {
      if (!isStorableText(name) || !values.every(isStorableText)) {
        const label = isStorableText(name) ? `Query parameter "${name}"` : 'A query parameter name';
        throw new InvalidRequestError(`${label} ${UNSTORABLE_TEXT_MESSAGE}`, { location: 'query', parameter: isStorableText(name) ? name : null });
      }
    }
    return next();
  };
}
