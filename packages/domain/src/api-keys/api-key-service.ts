import { raw, type EntityManager } from '@mikro-orm/postgresql';
import { ApiKey, type ApiKeyScope } from '@promptops/db';
import { InvalidRequestError, NotFoundError } from '@promptops/errors';
import type { ApiKeyView } from '@promptops/validators';
import type { DomainDeps } from '../domain-deps';
import { isUuid } from '../templates/template-ref';
import { displayPrefix, generateApiKey, hashApiKey, hashMatches, keyIdOf } from './api-key-format';
import { isApiKeyScope } from './scope-grants';

/** Who a request acts as once its key checks out; never carries the key itself. */
export interface ApiKeyPrincipal {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
}

/** last_used_at is written at most this often per key, so authentication stays a single read. */
const LAST_USED_RESOLUTION_MS = 60_000;
/**
 * How long "does any active key exist" is remembered, so key-less local use does not cost a query
 * per request. Keys created or revoked in this process take effect at once; from another process
 * (the CLI) within this long.
 */
const KEYS_EXIST_TTL_MS = 1000;

function toView(row: ApiKey): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    key_prefix: row.key_prefix,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}

function validScopes(scopes: readonly string[]): ApiKeyScope[] {
  const unique = [...new Set(scopes.map((scope) => scope.trim()).filter(Boolean))];
  const unknown = unique.filter((scope) => !isApiKeyScope(scope));
  if (unique.length === 0 || unknown.length > 0) {
    throw new InvalidRequestError('scopes must be a non-empty list of read, write, admin', { unknown_scopes: unknown });
  }
  return unique as ApiKeyScope[];
}

export class ApiKeyService {
  private keysExist: { value: Promise<boolean>; until: number } | undefined;

  constructor(private readonly deps: DomainDeps) {}

  private fork(): EntityManager {
    return this.deps.orm.em.fork() as EntityManager;
  }

  /** Creates a key; the returned `key` is the only time its plain text exists outside the caller. */
  async create(input: { name: string; scopes: readonly string[] }): Promise<ApiKeyView & { key: string }> {
    const name = input.name.trim();
    if (name === '' || name.length > 100) throw new InvalidRequestError('name must be 1 to 100 characters', { field: 'name' });
    const scopes = validScopes(input.scopes);
    const em = this.fork();
    const id = crypto.randomUUID();
    const key = generateApiKey(id);
    const row = em.create(ApiKey, { id, name, scopes, key_hash: hashApiKey(key), key_prefix: displayPrefix(key) });
    await em.flush();
    this.keysExist = undefined;
    this.deps.logger.info({ key_id: id, name, scopes }, 'api key created');
    return { ...toView(row), key };
  }

  async list(): Promise<ApiKeyView[]> {
    const rows = await this.fork().find(ApiKey, {}, { orderBy: { created_at: 'asc', id: 'asc' } });
    return rows.map(toView);
  }

  /** Revoking twice is harmless; the first revocation time is kept. */
  async revoke(id: string): Promise<ApiKeyView> {
    const em = this.fork();
    // Ids are uuids: anything else names no key, and must not reach a uuid column.
    const row = isUuid(id) ? await em.findOne(ApiKey, { id }) : null;
    if (!row) throw new NotFoundError('api_key', id);
    row.revoked_at ??= new Date();
    await em.flush();
    this.keysExist = undefined;
    this.deps.logger.info({ key_id: id }, 'api key revoked');
    return toView(row);
  }

  hasActiveKeys(): Promise<boolean> {
    const now = Date.now();
    if (!this.keysExist || this.keysExist.until <= now) {
      const value = this.fork()
        .count(ApiKey, { revoked_at: null })
        .then((count) => count > 0);
      // A failed lookup is not remembered: the next request asks PostgreSQL again.
      value.catch(() => (this.keysExist = undefined));
      this.keysExist = { value, until: now + KEYS_EXIST_TTL_MS };
    }
    return this.keysExist.value;
  }

  /** The active key matching `presented`, or null; compares hashes in constant time. */
  async authenticate(presented: string): Promise<ApiKeyPrincipal | null> {
    const id = keyIdOf(presented);
    if (!id) return null;
    const row = await this.activeRow(id);
    if (!row || !hashMatches(presented, row.key_hash)) return null;
    await this.touch(row);
    return { id: row.id, name: row.name, scopes: row.scopes };
  }

  private async activeRow(id: string): Promise<ApiKey | null> {
    return this.fork().findOne(ApiKey, { id, revoked_at: null });
  }

  private async touch(row: ApiKey): Promise<void> {
    const now = Date.now();
    if (row.last_used_at && now - row.last_used_at.getTime() < LAST_USED_RESOLUTION_MS) return;
    // Conditional, so concurrent requests and processes write it once per minute at most.
    await this.fork().nativeUpdate(
      ApiKey,
      { id: row.id, $or: [{ last_used_at: null }, { last_used_at: { $lt: raw(`now() - interval '1 minute'`) } }] },
      { last_used_at: raw('now()') },
    );
  }
}
