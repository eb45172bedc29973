import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@promptops/api/testing';
import { spawnCli } from '../testing/spawn-cli';

// The commands open the queues too: they get this file's prefix, whose keys closing `t` removes.
let t: TestApp;
const promptops = (...args: string[]) => spawnCli(args, { DATABASE_URL: t.db.databaseUrl, QUEUE_PREFIX: t.config.queuePrefix }).result;
const query = <T extends object>(sql: string) => t.db.orm.em.fork().getConnection().execute<T[]>(sql);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('promptops seed --examples', () => {
  it("creates the README's example template and dataset once, then leaves them alone", async () => {
    const first = await promptops('seed', '--examples');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^created: Chat Assistant, .+, LLM Judge, Capital Finder \(versions 1 and 2\), Capitals \(8 entries\)\n$/);
    expect(first.stderr).toBe('');

    const again = await promptops('seed', '--examples');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^already present: Chat Assistant, .+, LLM Judge, Capital Finder, Capitals\n$/);

    const versions = await query<{ version_number: number; parent_version: number | null }>(
      `select version_number, parent_version from prompt_templates where name = 'Capital Finder' order by version_number`,
    );
    expect(versions).toEqual([
      { version_number: 1, parent_version: null },
      { version_number: 2, parent_version: 1 },
    ]);
    const [dataset] = await query<{ template_name: string; entries: string }>(
      `select d.template_name, (select count(*) from prompt_dataset_entries e where e.dataset_id = d.id) as entries from prompt_datasets d where d.name = 'Capitals'`,
    );
    expect(dataset).toEqual({ template_name: 'Capital Finder', entries: '8' });
  }, 120_000);

  it('says which built-ins an earlier release seeded it upgraded to a new version', async () => {
    // What releases before free categories seeded: the Prompt Generator took only the fixed list.
    await query(
      `update prompt_schemas set schema_json = jsonb_set(schema_json, '{properties,category}', '{"enum": ["chat", "auto_issue", "feedback_issue", "documentation", "readme_update", "sub_issue", "generation", "evaluation", "other"]}')
       where schema_type = 'input' and template_id = (select id from prompt_templates where name = 'Prompt Generator' and version_number = 1)`,
    );
    const upgrade = await promptops('seed');
    expect(upgrade.code, upgrade.stderr).toBe(0);
    expect(upgrade.stdout).toMatch(/^upgraded to a new version: Prompt Generator\nalready present: Chat Assistant, .+, LLM Judge\n$/);
    expect((await promptops('seed')).stdout).not.toMatch(/upgraded/);
  }, 120_000);
});
