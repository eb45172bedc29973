import { Writable } from 'node:stream';
import type { TestApp } from './create-test-app';

/** Every table a request may write; a refused request must leave all their row counts alone. */
export const TABLES = [
  'prompt_templates',
  'prompt_schemas',
  'prompt_datasets',
  'prompt_dataset_entries',
  'prompt_executions',
  'evaluation_runs',
  'evaluation_results',
  'api_keys',
  'console_sessions',
] as const;

export interface HostileRequest {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface HostileOutcome {
  status: number;
  text: string;
  headers: Headers;
}

/** Internals an error answer must never show: SQL, driver messages, stack frames. */
const INTERNALS = [/\binsert into\b/i, /\bselect\b[^"]{0,80}\bfrom\b\s+"/i, /invalid byte sequence/i, /node_modules/, /\.ts:\d+/, /\bat \w+ \(/];

/** Log lines written during the test, kept for the secret check. */
export function logCollector(): { lines: string[]; destination: Writable } {
  const lines: string[] = [];
  const destination = new Writable({
    write: (chunk, _encoding, done) => {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

/**
 * Sends hostile requests one at a time and records every broken promise instead of stopping at the
 * first: a 5xx, a non-standard error body, a secret in the answer, or rows written by a refused
 * request. Row counts are read around each writing request, so each refused write is judged on its
 * own; reads must never change them, and are checked per run of consecutive reads to save time.
 */
export class HostileProbe {
  readonly violations: string[] = [];
  readonly statuses = new Map<number, number>();
  /** Values that must never appear in an answer or a log line. */
  readonly secrets = new Set<string>();
  sent = 0;
  /** Counts as of the last request, or undefined when an accepted write may have changed them. */
  private counts: Record<string, number> | undefined;
  /** Reads sent since the counts were last taken. */
  private reads: string[] = [];

  constructor(private readonly t: TestApp) {}

  addSecret(value: string | undefined): void {
    if (value) this.secrets.add(value);
  }

  async rowCounts(): Promise<Record<string, number>> {
    const columns = TABLES.map((table) => `(select count(*) from ${table})::int as ${table}`).join(', ');
    const rows = await this.t.db.orm.em.fork().getConnection().execute<Record<string, number>[]>(`select ${columns}`);
    return rows[0]!;
  }

  async send(request: HostileRequest): Promise<HostileOutcome | undefined> {
    const reading = request.method === 'GET' || request.method === 'HEAD';
    if (!reading) await this.checkReads();
    this.counts ??= await this.rowCounts();
    let init: RequestInit;
    try {
      init = { method: request.method, headers: new Headers(request.headers ?? {}) };
      if (request.body !== undefined) init.body = request.body;
    } catch {
      return undefined; // A header the HTTP client itself refuses never reaches a server.
    }
    const where = `${request.method} ${request.path.length > 160 ? `${request.path.slice(0, 160)}…` : request.path} [${request.label}]`;
    let response: Response;
    try {
      response = await withDeadline(Promise.resolve(this.t.app.request(request.path, init)), 15_000);
    } catch (error) {
      this.violations.push(`${where}: request threw ${(error as Error).message}`);
      return undefined;
    }
    const text = await response.text();
    this.sent++;
    this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
    this.check(where, request, response, text);

    if (reading) {
      this.reads.push(where);
    } else if (response.status >= 400) {
      const changed = await this.recount();
      if (changed) this.violations.push(`${where}: ${response.status} but wrote rows: ${changed}`);
    } else {
      this.counts = undefined;
    }
    return { status: response.status, text, headers: response.headers };
  }

  /** Reports reads that changed row counts; call once after the last request too. */
  async checkReads(): Promise<void> {
    if (this.reads.length === 0 || !this.counts) return;
    const changed = await this.recount();
    if (changed) this.violations.push(`one of ${this.reads.length} reads wrote rows (${changed}): ${this.reads.slice(0, 5).join('; ')}`);
    this.reads = [];
  }

  /** Takes fresh counts; says which tables changed since the last ones. */
  private async recount(): Promise<string | undefined> {
    const before = this.counts ?? {};
    const after = await this.rowCounts();
    this.counts = after;
    const changed = TABLES.filter((table) => before[table] !== after[table]);
    return changed.length > 0 ? changed.map((table) => `${table} ${before[table]}→${after[table]}`).join(', ') : undefined;
  }

  private check(where: string, request: HostileRequest, response: Response, text: string): void {
    const status = response.status;
    if (status >= 500) this.violations.push(`${where}: ${status} ${text.slice(0, 300)}`);
    if (status >= 400 && request.method !== 'HEAD') {
      let body: { error?: { type?: unknown; message?: unknown; details?: unknown } } | undefined;
      try {
        body = JSON.parse(text);
      } catch {
        // Reported below.
      }
      const error = body?.error;
      if (!error || typeof error.type !== 'string' || typeof error.message !== 'string' || !('details' in error)) {
        this.violations.push(`${where}: ${status} without the standard error body: ${text.slice(0, 200)}`);
      } else {
        for (const pattern of INTERNALS) {
          if (pattern.test(error.message) || pattern.test(JSON.stringify(error.details)))
            this.violations.push(`${where}: ${status} shows internals (${pattern}): ${text.slice(0, 300)}`);
        }
      }
    }
    // The only answer that may carry a key is the one creating it.
    const createdKey =
      request.method === 'POST' && request.path.startsWith('/v1/keys') && status === 201 ? (JSON.parse(text) as { key?: string }).key : undefined;
    const exposed = `${text}\n${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}`;
    for (const secret of this.secrets) {
      if (secret !== createdKey && exposed.includes(secret)) this.violations.push(`${where}: answer contains a secret (${secret.slice(0, 6)}…)`);
    }
    if (createdKey) this.addSecret(createdKey);
  }

  /** Log lines that contain a secret or a raw Authorization header value. */
  leakingLogLines(lines: readonly string[], authorizationValues: Iterable<string>): string[] {
    const forbidden = [...this.secrets, ...[...authorizationValues].filter((value) => value.length >= 12)];
    return lines.filter((line) => forbidden.some((value) => line.includes(value))).map((line) => line.slice(0, 300));
  }
}

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
