/** Network failures of the socket itself, by Node's error code, with the words a person reads. */
const NETWORK_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** SQLSTATE classes of a server that cannot be used at all: connection (08), authorization (28), no such database (3D), shutting down (57P). */
const UNAVAILABLE_SQLSTATE = /^(08|28|3D|57P)/;

/** Driver messages of a lost or never-made connection that carry no code. */
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout acquiring a connection|Connection refused/i;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current instanceof Error && chain.length < 5; current = current.cause) chain.push(current);
  return chain;
}

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** An SQLSTATE carried by a PostgreSQL error as `code`: five digits or capitals, at least one a digit (unlike EPIPE). */
export function sqlStateOf(error: unknown): string | undefined {
  const code = codeOf(error);
  return code && /^(?=.*\d)[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Why the database cannot be used at all (down, unreachable, wrong credentials or database), or
 * undefined for errors of one statement. PostgreSQL's own messages say it best and hold no SQL
 * at this stage (`role "x" does not exist`).
 */
export function unavailableReason(error: unknown): string | undefined {
  for (const current of causes(error)) {
    const code = codeOf(current);
    if (code && NETWORK_FAILURES[code]) return `${NETWORK_FAILURES[code]}, ${code}`;
    const message = (current as Error).message;
    if (code && UNAVAILABLE_SQLSTATE.test(code)) return `${message} (SQLSTATE ${code})`;
    if (UNAVAILABLE_MESSAGE.test(message)) return message;
  }
  return undefined;
}

/** `host:port/database` of a connection URL: enough to see which server was meant, without credentials. */
function databaseAddress(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** The database given by DATABASE_URL cannot be used: a failure (exit 1), not a usage error. */
export class DatabaseUnavailableError extends Error {
  constructor(databaseUrl: string, reason: string) {
    super(`cannot use PostgreSQL at ${databaseAddress(databaseUrl)} (${reason}); is it running, and is DATABASE_URL right?`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Runs database work, turning "the database is not there" into DatabaseUnavailableError. */
export async function withDatabaseErrors<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const reason = unavailableReason(error);
    throw reason ? new DatabaseUnavailableError(databaseUrl, reason) : error;
  }
}
