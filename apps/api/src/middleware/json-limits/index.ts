import type { MiddlewareHandler } from 'hono';
import { InvalidRequestError, PayloadTooLargeError } from '@promptops/errors';
import type { AppEnv } from '../../http/app-env';
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '../../http/storable-text';
import { findOversizedField, jsonDepthExceeds, parseLeniently } from './json-depth';
import { mayHoldFieldOver, mayHoldUnstorableText } from './text-prechecks';

export interface JsonLimitsOptions {
  /** Deepest array/object nesting accepted. */
  maxDepth: number;
  /** Largest JSON size of any field named in `contextFields`. */
  maxContextBytes: number;
  /** Fields carrying user-supplied template variables. Default: context, input_data. */
  contextFields?: readonly string[];
}

const JSON_LINES_TYPES = new Set(['application/jsonl', 'application/x-ndjson', 'text/plain']);

function bodyKind(contentType: string | undefined): 'json' | 'json_lines' | undefined {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return 'json';
  return JSON_LINES_TYPES.has(mediaType) ? 'json_lines' : undefined;
}

/**
 * Checks JSON bodies before any route parses them: nesting depth (a depth bomb is refused with
 * 400 after one linear scan), the size of context-like fields (413), and keys or strings PostgreSQL
 * cannot store (NUL, unpaired surrogates: 400), for every route at once.
 * Runs after the body-size limit, so the text read here is already bounded. A JSON body is parsed
 * once, here: the route's validator gets this value rather than parsing the text again.
 */
export function jsonLimits(options: JsonLimitsOptions): MiddlewareHandler<AppEnv> {
  if (options.maxDepth < 1 || options.maxContextBytes < 1) throw new Error('maxDepth and maxContextBytes must be positive');
  const fields = new Set(options.contextFields ?? ['context', 'input_data']);
  return async function checkJsonLimits(c, next) {
    const kind = bodyKind(c.req.header('content-type'));
    if (!kind || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    // Hono caches the text, so the route's own c.req.text() does not read twice.
    const text = await c.req.text();
    if (jsonDepthExceeds(text, options.maxDepth)) {
      throw new InvalidRequestError(`JSON nesting is deeper than ${options.maxDepth} levels`, { max_depth: options.maxDepth });
    }
    const walkForUnstorable = mayHoldUnstorableText(text);
    const walkForSize = mayHoldFieldOver(text, options.maxContextBytes);
    const values = parseLeniently(text, kind === 'json_lines');
    for (const value of values) {
      const unstorable = walkForUnstorable ? findUnstorableText(value) : undefined;
      if (unstorable) throw new InvalidRequestError(`${unstorable} ${UNSTORABLE_TEXT_MESSAGE}`, { field: unstorable });
      const oversized = walkForSize ? findOversizedField(value, fields, options.maxContextBytes) : undefined;
      if (oversized) {
        throw new PayloadTooLargeError(`${oversized.path} is ${oversized.bytes} bytes; the limit is ${options.maxContextBytes}`, {
          field: oversized.path,
          limit_bytes: options.maxContextBytes,
        });
      }
    }
    if (kind === 'json' && values.length === 1) {
      // Parsing 100 KB of JSON twice on the event loop is time a health probe waits for.
      const [parsed] = values;
      c.req.json = <T>() => Promise.resolve(parsed as T);
    }
    return next();
  };
}
