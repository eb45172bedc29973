import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import { createTestDatabase, type TestDatabase } from '@promptops/db';
import type { DomainDeps } from '../domain-deps';
import { ApiKeyService } from './api-key-service';
import { CONSOLE_SESSION_IDLE_MS, ConsoleSessionService } from './console-session-service';

let db: TestDatabase;
let keys: ApiKeyService;
let sessions: ConsoleSessionService;

beforeAll(async () => {
  db = await createTestDatabase();
  const deps = { orm: db.orm, logger: createLogger({ level: 'silent' }) } as DomainDeps;
  keys = new ApiKeyService(deps);
  sessions = new ConsoleSessionService(deps);
});
afterAll(async () => {
  await db.drop();
});

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute<T[]>(query, params);

describe('ConsoleSessionService', () => {
  it('stores only the SHA-256 of the token and resolves the token to its key', async () => {
    const key = await keys.create({ name: 'console', scopes: ['write'] });
    const token = await sessions.create(key.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await sql(`select * from console_sessions where api_key_id = ?`, [key.id]);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    const lifetime = new Date(row!.expires_at as string).getTime() - new Date(row!.created_at as string).getTime();
    expect(Math.abs(lifetime - CONSOLE_SESSION_IDLE_MS)).toBeLessThan(1000);
    expect(await sessions.resolve(token)).toEqual({ id: key.id, name: 'console', scopes: ['write'] });
    for (const wrong of ['', 'x', `${token}x`, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, "' or 1=1 --"]) {
      expect(await sessions.resolve(wrong)).toBeNull();
    }
  });

  it('slides the expiry of a session in use, and ends an expired one', async () => {
    const key = await keys.create({ name: 'sliding', scopes: ['read'] });
    const token = await sessions.create(key.id);
    const anHourAgo = new Date(Date.now() - 3600_000);
    await sql(`update console_sessions set last_seen_at = ?, expires_at = ? where api_key_id = ?`, [
      anHourAgo,
      new Date(anHourAgo.getTime() + CONSOLE_SESSION_IDLE_MS),
      key.id,
    ]);
    expect(await sessions.resolve(token)).not.toBeNull();
    const [slid] = await sql<{ last_seen: number; lifetime: number }>(
      `select extract(epoch from last_seen_at) * 1000 as last_seen, extract(epoch from expires_at - last_seen_at) * 1000 as lifetime from console_sessions where api_key_id = ?`,
      [key.id],
    );
    expect(Number(slid!.last_seen)).toBeGreaterThan(anHourAgo.getTime());
    expect(Number(slid!.lifetime)).toBe(CONSOLE_SESSION_IDLE_MS);

    await sql(`update console_sessions set expires_at = now() - interval '1 second' where api_key_id = ?`, [key.id]);
    expect(await sessions.resolve(token)).toBeNull();
    // The next sign-in deletes the expired row.
    await sessions.create((await keys.create({ name: 'next', scopes: ['read'] })).id);
    expect(await sql(`select id from console_sessions where api_key_id = ?`, [key.id])).toEqual([]);
  });

  it('ends on sign-out and when its key is revoked', async () => {
    const key = await keys.create({ name: 'ending', scopes: ['admin'] });
    const [signedOut, other] = [await sessions.create(key.id), await sessions.create(key.id)];
    await sessions.revoke(signedOut);
    expect(await sessions.resolve(signedOut)).toBeNull();
    expect(await sessions.resolve(other)).not.toBeNull();
    await sessions.revoke('not-a-token');
    await keys.revoke(key.id);
    expect(await sessions.resolve(other)).toBeNull();
  });
});
