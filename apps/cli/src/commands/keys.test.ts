import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@promptops/api/testing';
import { spawnCli } from '../testing/spawn-cli';

// The commands open the queues too: they get this file's prefix, whose keys closing `t` removes.
let t: TestApp;
const keys = (...args: string[]) =>
  spawnCli(['keys', ...args], { DATABASE_URL: t.db.databaseUrl, LOG_LEVEL: 'info', QUEUE_PREFIX: t.config.queuePrefix }).result;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('promptops keys', () => {
  it('prints only the new key on stdout and nothing on stderr, so scripts can capture it, and stores nothing but its hash', async () => {
    const created = await keys('create', '--name', 'ci', '--scope', 'read,write');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^po_[0-9a-f]{32}_[A-Za-z0-9_-]{43}\n$/);
    expect(created.stderr).toBe('');
    const key = created.stdout.trim();
    const [row] = await t.db.orm.em.fork().getConnection().execute<{ key_hash: string; scopes: string[] }[]>(`select key_hash, scopes from api_keys`);
    expect(row?.scopes).toEqual(['read', 'write']);
    expect(row?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    // The secret is everything after the id; it may itself hold '_' (base64url), even as its first character.
    const secret = /^po_[0-9a-f]{32}_(.+)$/.exec(key)?.[1] as string;
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(row)).not.toContain(secret);

    const listed = await keys('list', '--json');
    const [view] = JSON.parse(listed.stdout) as { id: string; name: string; revoked_at: string | null }[];
    expect(view).toMatchObject({ name: 'ci', revoked_at: null });
    expect(listed.stdout).not.toContain(key);

    const revoked = await keys('revoke', view!.id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`revoked ${view!.id}`);
  }, 90_000);

  it('stays silent on stderr while it creates and migrates a database that did not exist', async () => {
    const name = `promptops_cli_fresh_${Date.now().toString(36)}`;
    const url = new URL(t.db.databaseUrl);
    url.pathname = `/${name}`;
    try {
      const created = await spawnCli(['keys', 'create', '--name', 'admin', '--scope', 'admin'], {
        DATABASE_URL: url.toString(),
        LOG_LEVEL: 'info',
        QUEUE_PREFIX: t.config.queuePrefix,
      }).result;
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toMatch(/^po_\S+\n$/);
      expect(created.stderr).toBe('');
    } finally {
      await t.db.orm.em.fork().getConnection().execute(`drop database if exists "${name}" with (force)`);
    }
  }, 90_000);

  it('revokes by name when exactly one active key has it, and asks for the id when several do', async () => {
    const [deploy, twinA, twinB] = await Promise.all([
      keys('create', '--name', 'deploy', '--json'),
      keys('create', '--name', 'twin', '--json'),
      keys('create', '--name', 'twin', '--json'),
    ]);
    const deployId = (JSON.parse(deploy.stdout) as { id: string }).id;
    const revoked = await keys('revoke', 'deploy');
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`^revoked ${deployId} \\(deploy\\) at `));
    const again = await keys('revoke', 'deploy');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('error: no active API key has the id or the name "deploy"; `keys list` shows them\n');
    const ambiguous = await keys('revoke', 'twin');
    expect(ambiguous.code).toBe(2);
    for (const twin of [twinA, twinB]) expect(ambiguous.stderr).toContain((JSON.parse(twin.stdout) as { id: string }).id);
  }, 180_000);

  it('refuses unknown scopes with a one-line message and exit 2', async () => {
    const refused = await keys('create', '--name', 'x', '--scope', 'root');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('error: scopes must be a non-empty list of read, write, admin\n');
    expect(refused.stdout).toBe('');
  }, 90_000);
});
