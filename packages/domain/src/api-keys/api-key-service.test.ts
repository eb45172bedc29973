import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import { createTestDatabase, type TestDatabase } from '@promptops/db';
import { InvalidRequestError, NotFoundError } from '@promptops/errors';
import type { DomainDeps } from '../domain-deps';
import { keyIdOf } from './api-key-format';
import { ApiKeyService } from './api-key-service';
import { grantsScope } from './scope-grants';

let db: TestDatabase;
let service: ApiKeyService;

beforeAll(async () => {
  db = await createTestDatabase();
  service = new ApiKeyService({ orm: db.orm, logger: createLogger({ level: 'silent' }) } as DomainDeps);
});
afterAll(async () => {
  await db.drop();
});

async function storedRow(id: string) {
  const rows = await db.orm.em.fork().getConnection().execute(`select * from api_keys where id = ?`, [id]);
  return rows[0] as Record<string, unknown>;
}

describe('ApiKeyService', () => {
  it('shows the key once and stores only its SHA-256', async () => {
    expect(await service.hasActiveKeys()).toBe(false);
    const created = await service.create({ name: 'ci', scopes: ['read', 'write', 'read'] });
    expect(created.key).toMatch(/^po_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(keyIdOf(created.key)).toBe(created.id);
    expect(created.scopes).toEqual(['read', 'write']);
    const row = await storedRow(created.id);
    expect(JSON.stringify(row)).not.toContain(created.key.slice(36));
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await service.list()).find((key) => key.id === created.id)).not.toHaveProperty('key');
    expect(await service.hasActiveKeys()).toBe(true);
  });

  it('authenticates the exact key only, and records last use at most once a minute', async () => {
    const { key, id } = await service.create({ name: 'auth', scopes: ['admin'] });
    expect(await service.authenticate(key)).toEqual({ id, name: 'auth', scopes: ['admin'] });
    const firstUse = (await storedRow(id)).last_used_at;
    expect(firstUse).not.toBeNull();
    await service.authenticate(key);
    expect((await storedRow(id)).last_used_at).toEqual(firstUse);
    const tampered = `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`;
    for (const wrong of [tampered, '', 'po_', `${key}x`, key.toUpperCase(), "po_' or 1=1 --"]) {
      expect(await service.authenticate(wrong)).toBeNull();
    }
  });

  it('revokes keys so they stop authenticating, and rejects bad input', async () => {
    const { key, id } = await service.create({ name: 'gone', scopes: ['read'] });
    const revoked = await service.revoke(id);
    expect(revoked.revoked_at).not.toBeNull();
    expect((await service.revoke(id)).revoked_at).toBe(revoked.revoked_at);
    expect(await service.authenticate(key)).toBeNull();
    await expect(service.revoke(crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    // Not a uuid (the CLI user typed a name): not found, rather than a query the database refuses.
    await expect(service.revoke('ci')).rejects.toBeInstanceOf(NotFoundError);
    await expect(service.create({ name: 'x', scopes: ['root'] })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(service.create({ name: ' ', scopes: ['read'] })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(service.create({ name: 'x', scopes: [] })).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('lets higher scopes include lower ones', () => {
    expect(grantsScope(['admin'], 'write')).toBe(true);
    expect(grantsScope(['write'], 'read')).toBe(true);
    expect(grantsScope(['write'], 'admin')).toBe(false);
    expect(grantsScope(['read'], 'write')).toBe(false);
    expect(grantsScope([], 'read')).toBe(false);
  });
});
