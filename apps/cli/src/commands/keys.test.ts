import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@promptops/db';
import { spawnCli } from '../testing/spawn-cli';

let db: TestDatabase;
const keys = (...args: string[]) => spawnCli(['keys', ...args], { DATABASE_URL: db.databaseUrl, LOG_LEVEL: 'info' }).result;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('promptops keys', () => {
  it('prints only the new key on stdout, so scripts can capture it, and stores nothing but its hash', async () => {
    const created = await keys('create', '--name', 'ci', '--scope', 'read,write');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^po_[0-9a-f]{32}_[A-Za-z0-9_-]{43}\n$/);
    expect(created.stderr).toContain('It is shown only now');
    const key = created.stdout.trim();
    const [row] = await db.orm.em.fork().getConnection().execute<{ key_hash: string; scopes: string[] }[]>(`select key_hash, scopes from api_keys`);
    expect(row?.scopes).toEqual(['read', 'write']);
    expect(row?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key.split('_')[2]);

    const listed = await keys('list', '--json');
    const [view] = JSON.parse(listed.stdout) as { id: string; name: string; revoked_at: string | null }[];
    expect(view).toMatchObject({ name: 'ci', revoked_at: null });
    expect(listed.stdout).not.toContain(key);

    const revoked = await keys('revoke', view!.id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`revoked ${view!.id}`);
  }, 30_000);

  it('refuses unknown scopes with a clear message and exit 1', async () => {
    const refused = await keys('create', '--name', 'x', '--scope', 'root');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('scopes must be');
    expect(refused.stdout).toBe('');
  }, 30_000);
});
