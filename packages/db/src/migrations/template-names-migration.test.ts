import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-database';
import { MIGRATIONS } from './index';
import { TemplateNamesAndDatasetRefs } from './0007-template-names-and-dataset-refs';

let db: TestDatabase;
const index = MIGRATIONS.findIndex((migration) => migration.class === TemplateNamesAndDatasetRefs);
const before = MIGRATIONS[index - 1]?.name as string;
const self = MIGRATIONS[index]?.name as string;

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => db.orm.em.getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  db = await createTestDatabase();
  // Back to the schema before this migration, rows written as the old code wrote them, then forward again.
  await db.orm.migrator.down({ to: before });
  const version = (name: string, n: number, extra: string) =>
    sql(
      `insert into prompt_templates (id, name, category, description, user_prompt_template, version_number, is_active, deleted_at, created_at, updated_at)
       values (?, ?, ${extra}, 'x', ?, true, null, now(), now())`,
      [`00000000-0000-4000-8000-00000000000${n}`, name, n],
    );
  await version('Greeter', 1, `'chat', 'old words'`);
  await version('Greeter', 2, `'documentation', 'new words'`);
  await sql(`update prompt_templates set is_active = false where version_number = 2`);
  await version('Retired', 3, `'other', 'only deleted'`);
  await sql(`update prompt_templates set deleted_at = now(), is_active = false where name = 'Retired'`);
  await sql(`insert into prompt_datasets (id, name, template_id, created_at, updated_at) values
    ('10000000-0000-4000-8000-000000000001', 'tied', '00000000-0000-4000-8000-000000000002', now(), now()),
    ('10000000-0000-4000-8000-000000000002', 'untied', null, now(), now())`);
  await db.orm.migrator.up({ to: self });
});
afterAll(async () => {
  await db?.drop();
});

describe(`migration ${self}`, () => {
  it('gives each name the metadata of the version it resolves to, else of its highest one', async () => {
    const names = await sql(`select name, description, category, tags from prompt_template_names order by name`);
    expect(names).toEqual([
      { name: 'Greeter', description: 'old words', category: 'chat', tags: [] },
      { name: 'Retired', description: 'only deleted', category: 'other', tags: [] },
    ]);
  });

  it('pins existing dataset ties to the version they pointed at', async () => {
    const datasets = await sql(`select name, template_name, template_version, deleted_at from prompt_datasets order by name`);
    expect(datasets).toEqual([
      { name: 'tied', template_name: 'Greeter', template_version: 2, deleted_at: null },
      { name: 'untied', template_name: null, template_version: null, deleted_at: null },
    ]);
  });

  it('lets versions only name an existing name row', async () => {
    await expect(
      sql(
        `insert into prompt_templates (id, name, user_prompt_template, version_number, created_at, updated_at) values (gen_random_uuid(), 'Nobody', 'x', 1, now(), now())`,
      ),
    ).rejects.toThrow(/prompt_templates_name_foreign/);
  });

  it('goes back down to per-version metadata and version-id ties', async () => {
    await sql(`update prompt_template_names set category = 'custom-slug', description = 'edited' where name = 'Greeter'`);
    await db.orm.migrator.down({ to: before });
    const versions = await sql(`select name, version_number, category::text as category, description from prompt_templates order by version_number`);
    expect(versions).toEqual([
      { name: 'Greeter', version_number: 1, category: 'other', description: 'edited' },
      { name: 'Greeter', version_number: 2, category: 'other', description: 'edited' },
      { name: 'Retired', version_number: 3, category: 'other', description: 'only deleted' },
    ]);
    const tied = await sql(`select template_id from prompt_datasets where name = 'tied'`);
    expect(tied).toEqual([{ template_id: '00000000-0000-4000-8000-000000000002' }]);
    await db.orm.migrator.up();
  });
});
