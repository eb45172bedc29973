import { createHash } from 'node:crypto';
import { canonicalJson } from '../datasets/canonical-json';

/**
 * What an `Idempotency-Key` header asks of one submission: that the key, sent again to the same
 * place with the same body, gets the same answer. The key means nothing outside its scope.
 */
export interface IdempotencyClaim {
  key: string;
  /** Method, route pattern and path parameters, e.g. `POST /v1/datasets/:id/runs id=…`. */
  scope: string;
  /** SHA-256 (hex) of the request body's canonical JSON: key order and spacing do not count. */
  fingerprint: string;
}

export function idempotencyClaim(key: string, scope: string, body: unknown): IdempotencyClaim {
  return {
    key,
    scope,
    fingerprint: createHash('sha256')
      .update(canonicalJson(body ?? null))
      .digest('hex'),
  };
}
