import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@promptops/config';
import { createTestDatabase, PromptTemplate, type TestDatabase } from '@promptops/db';
import { createPromptRenderer, type PromptRenderer } from '@promptops/rendering';
import { JsonSchemaValidator } from '@promptops/schemas';
import { TemplateService } from '../templates/template-service';
import { PROMPT_GENERATOR } from './prompt-generator';
import { BUILTIN_TEMPLATES, seedBuiltinTemplates, seedIfEmpty } from './seed-builtin-templates';

// Issue 11: the Prompt Generator seeded before categories became free slugs only took the old fixed
// list. Installations seeded then get a new version with the current rule; edited ones stay as they are.
const validator = new JsonSchemaValidator();
let renderer: PromptRenderer;
const databases: TestDatabase[] = [];

beforeAll(() => {
  renderer = createPromptRenderer();
});
afterAll(async () => {
  await renderer.close();
  await Promise.all(databases.map((db) => db.drop()));
});

async function templateService(): Promise<{ templates: TemplateService; db: TestDatabase }> {
  const db = await createTestDatabase();
  databases.push(db);
  return { db, templates: new TemplateService({ orm: db.orm, renderer, validator, config: loadConfig({ DATABASE_URL: db.databaseUrl }) }) };
}

const NAME = PROMPT_GENERATOR.template.name;
// The first test checks this schema refuses a free category, so an empty fallback could not pass unnoticed.
const [OLD_SCHEMA = {}] = PROMPT_GENERATOR.superseded_input_schemas ?? [];
const freeCategory = { description: 'Summarise a ticket', category: 'customer-support' };

/** The database an earlier release left: every built-in, the Prompt Generator with the fixed category list. */
async function seededByEarlierRelease(templates: TemplateService, edit: Partial<typeof PROMPT_GENERATOR.template> = {}): Promise<void> {
  for (const { template } of BUILTIN_TEMPLATES) {
    await templates.create(template.name === NAME ? { ...template, input_schema: OLD_SCHEMA, ...edit } : template);
  }
}

describe('upgrading built-ins an earlier release seeded', () => {
  it('gives an untouched Prompt Generator a new version whose input schema takes any category slug, once', async () => {
    const { templates, db } = await templateService();
    await seededByEarlierRelease(templates);
    expect(validator.validate((await templates.resolve(NAME)).input_schema ?? {}, freeCategory)).not.toEqual([]);

    expect(await seedIfEmpty({ templates })).toEqual({ created: [], skipped: [], upgraded: [NAME] });
    const upgraded = await templates.resolve(NAME);
    expect(upgraded.template.version_number).toBe(2);
    expect(upgraded.input_schema).toEqual(PROMPT_GENERATOR.template.input_schema);
    expect(validator.validate(upgraded.input_schema ?? {}, freeCategory)).toEqual([]);
    expect(validator.validate(upgraded.input_schema ?? {}, { ...freeCategory, category: 'Not A Slug' })).not.toEqual([]);
    // Version 1 keeps what it was: versions never change.
    expect((await templates.resolve(`${NAME}@1`)).input_schema).toEqual(OLD_SCHEMA);

    expect(await seedIfEmpty({ templates })).toBeNull();
    expect(await seedBuiltinTemplates({ templates })).toMatchObject({ created: [], upgraded: [] });
    expect(await db.orm.em.fork().count(PromptTemplate, {})).toBe(BUILTIN_TEMPLATES.length + 1);
  });

  it('leaves a Prompt Generator its users edited, and every other template, as they are', async () => {
    const { templates, db } = await templateService();
    await seededByEarlierRelease(templates, { system_prompt: 'Our own prompt engineer, with our own rules.' });
    await templates.create({ name: 'Mine', user_prompt_template: 'Hi {{ name }}', input_schema: OLD_SCHEMA });

    expect(await seedIfEmpty({ templates })).toBeNull();
    expect(await seedBuiltinTemplates({ templates })).toMatchObject({ created: [], upgraded: [] });
    expect(await db.orm.em.fork().count(PromptTemplate, {})).toBe(BUILTIN_TEMPLATES.length + 1);
    expect((await templates.resolve(NAME)).input_schema).toEqual(OLD_SCHEMA);
  });
});
