/**
 * Root of every error the platform raises on purpose. `type` is the stable, machine-readable
 * name clients see in `{error: {type, message, details}}`; `details` must be JSON-safe and
 * must never carry secrets.
 */
export class PlatformError extends Error {
  readonly type: string = 'platform_error';
  readonly details: unknown;

  constructor(message: string, details?: unknown, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.details = details ?? null;
  }
}
