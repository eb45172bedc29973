/** An error answer of the API (`{error: {type, message, details}}`), or a network failure. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }

  /** Builds the error from any body; servers that answer something else still give a readable message. */
  static fromBody(status: number, body: unknown): ApiError {
    const error = (body as { error?: { type?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    if (error && typeof error.message === 'string') {
      return new ApiError(status, typeof error.type === 'string' ? error.type : 'error', error.message, error.details ?? null);
    }
    return new ApiError(status, 'error', `The server answered ${status}`);
  }
}

export function isApiError(error: unknown, type?: string): error is ApiError {
  return error instanceof ApiError && (type === undefined || error.type === type);
}
