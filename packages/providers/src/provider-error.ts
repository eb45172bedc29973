import { PromptTemplateError } from '@promptops/errors';

export type ProviderErrorKind =
  | 'rate_limited'
  | 'server_error'
  | 'timeout'
  | 'malformed_response'
  | 'bad_request'
  | 'auth'
  | 'not_found'
  | 'connection'
  | 'unknown';

export interface ProviderErrorInit {
  kind: ProviderErrorKind;
  /** Whether the queue should try the same call again later. */
  retryable: boolean;
  provider: string;
  status?: number;
  /** Minimum wait the provider asked for (Retry-After / retry-after-ms). */
  retryAfterMs?: number;
  /** Extra JSON-safe context; must never carry secrets. */
  details?: Record<string, unknown>;
}

/**
 * A failed LLM call, classified so the queue can decide between retrying (with back-off or the
 * provider's Retry-After) and failing the execution at once.
 */
export class ProviderError extends PromptTemplateError {
  override readonly type = 'provider_error';
  readonly kind: ProviderErrorKind;
  readonly retryable: boolean;
  readonly provider: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, init: ProviderErrorInit) {
    super(message, {
      kind: init.kind,
      retryable: init.retryable,
      provider: init.provider,
      ...(init.status === undefined ? {} : { status: init.status }),
      ...(init.retryAfterMs === undefined ? {} : { retryAfterMs: init.retryAfterMs }),
      ...init.details,
    });
    this.kind = init.kind;
    this.retryable = init.retryable;
    this.provider = init.provider;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
  }
}
