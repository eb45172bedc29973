import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@promptops/config';
import { createTestDatabase, PromptSchema, PromptTemplate, type TestDatabase } from '@promptops/db';
import { createPromptRenderer, type PromptRenderer } from '@promptops/rendering';
import { JsonSchemaValidator } from '@promptops/schemas';
import { TemplateService } from '../templates/template-service';
import { BUILTIN_TEMPLATES, seedBuiltinTemplates, seedIfEmpty } from './seed-builtin-templates';

let db: TestDatabase;
let renderer: PromptRenderer;
let templates: TemplateService;
const validator = new JsonSchemaValidator();

beforeAll(async () => {
  db = await createTestDatabase();
  renderer = createPromptRenderer();
  templates = new TemplateService({ orm: db.orm, renderer, validator, config: loadConfig({ DATABASE_URL: db.databaseUrl }) });
});
afterAll(async () => {
  await renderer.close();
  await db.drop();
});

const names = BUILTIN_TEMPLATES.map(({ template }) => template.name);

describe('built-in templates', () => {
  it('seeds an empty database once, then skips every existing name', async () => {
    expect(await seedIfEmpty({ templates })).toEqual({ created: names, skipped: [], upgraded: [] });
    expect(await seedIfEmpty({ templates })).toBeNull();
    expect(await seedBuiltinTemplates({ templates })).toEqual({ created: [], skipped: names, upgraded: [] });
    const em = db.orm.em.fork();
    expect(await em.count(PromptTemplate, {})).toBe(8);
    expect(await em.count(PromptSchema, {})).toBe(16);
  });

  it('covers the categories the product relies on', () => {
    expect(names).toEqual([
      'Chat Assistant',
      'Auto Issue Generator',
      'Feedback Issue Creator',
      'Documentation Generator',
      'README Update Generator',
      'Sub-Issue Generator',
      'Prompt Generator',
      'LLM Judge',
    ]);
    expect(BUILTIN_TEMPLATES.every(({ template }) => template.provider === 'auto' && template.model === '')).toBe(true);
  });

  it.each(BUILTIN_TEMPLATES.map((seed) => [seed.template.name, seed] as const))(
    '%s renders its example context, which satisfies its input schema',
    async (name, { example_context }) => {
      const resolved = await templates.resolve(name);
      expect(resolved.input_schema).not.toBeNull();
      expect(resolved.output_schema).not.toBeNull();
      expect(validator.validate(resolved.input_schema ?? {}, example_context)).toEqual([]);
      const rendered = await templates.renderPreview(name, example_context);
      expect(rendered.user_prompt.trim().length).toBeGreaterThan(20);
      expect(rendered.system_prompt.trim().length).toBeGreaterThan(100);
      expect(rendered.user_prompt).not.toMatch(/\{\{|\{%/);
    },
  );

  it('renders with only the required fields too', async () => {
    const rendered = await templates.renderPreview('Chat Assistant', { message: 'Hi' });
    expect(rendered.user_prompt).toBe('USER: Hi');
    expect(rendered.system_prompt).toContain('a helpful assistant');
  });
});
