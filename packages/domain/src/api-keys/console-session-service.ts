import { createHash, randomBytes } from 'node:crypto';
import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { ConsoleSession, type ApiKeyScope } from '@promptops/db';
import type { DomainDeps } from '../domain-deps';
import type { ApiKeyPrincipal } from './api-key-service';

/**
 * A session ends after this long without a request (sliding): a console left open keeps working, a
 * forgotten one stops within a working day.
 */
export const CONSOLE_SESSION_IDLE_MS = 8 * 3600_000;
/** last_seen_at and expires_at move at most this often, so resolving a session stays a single read. */
const SLIDE_RESOLUTION_MS = 60_000;
/** 32 random bytes in base64url; anything else is refused before PostgreSQL is asked. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

interface SessionRow {
  id: string;
  /** Whether the expiry is due to move forward. */
  stale: boolean;
  key_id: string;
  name: string;
  scopes: ApiKeyScope[];
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Browser sessions of the web console. Each acts as the API key it was opened with and ends when it
 * expires, when it is revoked (sign-out), or when that key is revoked.
 */
export class ConsoleSessionService {
  constructor(private readonly deps: DomainDeps) {}

  private fork(): EntityManager {
    return this.deps.orm.em.fork() as EntityManager;
  }

  /** Opens a session for an active key; the token returned is the only copy outside the cookie. */
  async create(keyId: string): Promise<string> {
    const em = this.fork();
    const now = new Date();
    // Opportunistic clean-up: sign-ins are rare, so this bounds the table without a scheduled job.
    const revokedKeys = raw('select id from api_keys where revoked_at is not null');
    await em.nativeDelete(ConsoleSession, { $or: [{ expires_at: { $lte: now } }, { api_key: { $in: revokedKeys } }] });
    const token = randomBytes(32).toString('base64url');
    em.create(ConsoleSession, { token_hash: hashToken(token), api_key: keyId, expires_at: new Date(now.getTime() + CONSOLE_SESSION_IDLE_MS) });
    await em.flush();
    this.deps.logger.info({ key_id: keyId }, 'console session opened');
    return token;
  }

  /** The key a live session acts as, or null when the session is unknown, expired, or its key revoked. */
  async resolve(token: string): Promise<ApiKeyPrincipal | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const now = new Date();
    const row: SessionRow | undefined = await this.fork()
      .createQueryBuilder(ConsoleSession, 's')
      .select(['s.id', raw('s.last_seen_at < ? as stale', [new Date(now.getTime() - SLIDE_RESOLUTION_MS)]), raw('k.id as key_id'), 'k.name', 'k.scopes'])
      .join('s.api_key', 'k')
      .where({ token_hash: hashToken(token), expires_at: { $gt: now }, api_key: { revoked_at: null } })
      .execute('get', false);
    if (!row) return null;
    if (row.stale) await this.slide(row.id, now);
    return { id: row.key_id, name: row.name, scopes: row.scopes };
  }

  /** Ends a session (sign-out); an unknown or malformed token is a no-op. */
  async revoke(token: string): Promise<void> {
    if (!TOKEN_PATTERN.test(token)) return;
    await this.fork().nativeDelete(ConsoleSession, { token_hash: hashToken(token) });
  }

  private async slide(id: string, now: Date): Promise<void> {
    // Conditional, so concurrent requests move the window once.
    await this.fork().nativeUpdate(
      ConsoleSession,
      { id, last_seen_at: { $lt: new Date(now.getTime() - SLIDE_RESOLUTION_MS) } },
      { last_seen_at: now, expires_at: new Date(now.getTime() + CONSOLE_SESSION_IDLE_MS) },
    );
  }
}
