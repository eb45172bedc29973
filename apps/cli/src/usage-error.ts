/** A mistake in how a command was called (bad option value, missing input): exits with code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Printed under the message, e.g. the server's account of which field was wrong. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit code for usage errors, kept apart from 1 so a CI job can tell "gate failed" from "called wrongly". */
export const USAGE_EXIT_CODE = 2;
