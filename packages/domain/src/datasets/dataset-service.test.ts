import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, PromptDataset, type TestDatabase } from '@promptops/db';
import { NotFoundError, PromptTemplateNotFoundError, PromptValidationError } from '@promptops/errors';
import { JsonSchemaValidator } from '@promptops/schemas';
import { DatasetService } from './dataset-service';
import type { TemplateLookup } from './dataset-types';

let db: TestDatabase;
let service: DatasetService;

// Template versions belong to the template service; these tests stand in for it with one version,
// `stand-in@1`, that the name resolves to. `stand-in@2` plays one deleted after a dataset was pinned to it.
const SCHEMA_TEMPLATE_ID = '6f1c2a9e-5d4b-4c3a-9e8f-7a6b5c4d3e2f';
const templates: TemplateLookup = {
  async resolve(ref) {
    if (![SCHEMA_TEMPLATE_ID, 'stand-in', 'stand-in@1'].includes(ref)) throw new PromptTemplateNotFoundError(ref);
    const input_schema = { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] };
    return { template: { id: SCHEMA_TEMPLATE_ID, name: 'stand-in', version_number: 1 }, input_schema };
  },
  async resolvedIds(refs) {
    return new Map(refs.filter((ref) => ref === 'stand-in' || ref === 'stand-in@1').map((ref) => [ref, SCHEMA_TEMPLATE_ID]));
  },
};

beforeAll(async () => {
  db = await createTestDatabase();
  service = new DatasetService({ orm: db.orm, validator: new JsonSchemaValidator() }, templates);
});
afterAll(async () => {
  await db.drop();
});

describe('DatasetService imports', () => {
  it('stores string, object, array and absent expected outputs as JSON and keeps file order', async () => {
    const { id } = await service.create({ name: 'shapes' });
    const lines = [
      { input_data: { i: 0 }, expected_output: 'plain text' },
      { input_data: { i: 1 }, expected_output: { label: 'ok' } },
      { input_data: { i: 2 }, expected_output: ['a', 'b'] },
      { input_data: { i: 3 }, tags: ['edge'] },
    ];
    const result = await service.importEntries(id, lines.map((line) => JSON.stringify(line)).join('\n'), 'jsonl');
    expect(result).toEqual({ imported: 4, skipped: 0 });
    const page = await service.listEntries(id, { limit: 10, offset: 0 });
    expect(page.items.map((entry) => entry.expected_output)).toEqual(['plain text', { label: 'ok' }, ['a', 'b'], null]);
    const newest = await service.listEntries(id, { limit: 10, offset: 0, order: 'newest' });
    expect(newest.items.map((entry) => entry.input_data.i)).toEqual([3, 2, 1, 0]);
  });

  it('skips entries already present, comparing JSON regardless of key order', async () => {
    const { id } = await service.create({ name: 'dedupe' });
    await service.createEntry(id, { input_data: { a: 1, b: 2 }, expected_output: { x: 1, y: 2 } });
    const text = JSON.stringify([
      { input_data: { b: 2, a: 1 }, expected_output: { y: 2, x: 1 } },
      { input_data: { a: 1, b: 2 }, expected_output: 'different' },
      { input_data: { a: 1, b: 2 }, expected_output: 'different', tags: ['repeated-in-file'] },
    ]);
    expect(await service.importEntries(id, text, 'json', { dedupe: true })).toEqual({ imported: 1, skipped: 2 });
    expect((await service.get(id)).entry_count).toBe(2);
  });

  it("checks every entry against the template's input schema and writes nothing on failure", async () => {
    const { id } = await service.create({ name: 'schema-bound', template: 'stand-in' });
    const text = ['{"input_data":{"n":1}}', '{"input_data":{"n":"two"}}', '{"input_data":{}}'].join('\n');
    const error = await service.importEntries(id, text, 'jsonl').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromptValidationError);
    expect((error as PromptValidationError).details).toMatchObject({
      invalid_count: 2,
      entries: [
        { line: 2, violations: [{ path: '/n' }] },
        { line: 3, violations: [{ keyword: 'required' }] },
      ],
    });
    expect((await service.get(id)).entry_count).toBe(0);
    expect(await service.importEntries(id, text, 'jsonl', { validate: false })).toEqual({ imported: 3, skipped: 0 });
  });

  it('still accepts entries when the tied template version no longer resolves', async () => {
    const { id } = await service.create({ name: 'orphaned' });
    await db.orm.em.fork().nativeUpdate(PromptDataset, { id }, { template_name: 'stand-in', template_version: 2 });
    expect(await service.get(id)).toMatchObject({ template: 'stand-in@2', template_id: null });
    expect(await service.importEntries(id, '{"input_data":{"anything":true}}', 'jsonl')).toEqual({ imported: 1, skipped: 0 });
  });

  it('imports 10,000 entries in one go, quickly', async () => {
    const { id } = await service.create({ name: 'bulk' });
    const text = Array.from({ length: 10_000 }, (_, i) =>
      JSON.stringify({ input_data: { question: `q${i}`, context: 'x'.repeat(100) }, expected_output: `a${i}`, tags: [i % 2 ? 'odd' : 'even'] }),
    ).join('\n');
    const started = performance.now();
    expect(await service.importEntries(id, text, 'jsonl')).toEqual({ imported: 10_000, skipped: 0 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await service.get(id)).tags).toEqual({ even: 5000, odd: 5000 });

    const exported: unknown[] = [];
    for await (const entry of await service.exportEntries(id)) exported.push(entry);
    expect(exported).toHaveLength(10_000);
    expect(exported[9_999]).toMatchObject({ input_data: { question: 'q9999' }, expected_output: 'a9999', tags: ['odd'] });
  });
});

describe('DatasetService entries for runs', () => {
  it('returns every entry matching any or all of the tags, oldest first', async () => {
    const { id } = await service.create({ name: 'run-source' });
    const a = await service.createEntry(id, { input_data: { k: 'a' }, tags: ['smoke', 'fast'] });
    const b = await service.createEntry(id, { input_data: { k: 'b' }, expected_output: 'B', tags: ['smoke'] });
    await service.createEntry(id, { input_data: { k: 'c' }, tags: ['slow'] });
    expect(await service.listEntriesForRun(id, { tags: ['smoke', 'fast'], match: 'all' })).toEqual([
      { id: a.id, input_data: { k: 'a' }, expected_output: null },
    ]);
    const any = await service.listEntriesForRun(id, { tags: ['fast', 'smoke'], match: 'any' });
    expect(any.map((entry) => entry.id)).toEqual([a.id, b.id]);
    expect(await service.listEntriesForRun(id)).toHaveLength(3);
    await expect(service.listEntriesForRun(crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
  });
});
