import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function newDataset(name: string, template?: string): Promise<string> {
  return (await t.call('POST', '/v1/datasets', { name, template })).body.id;
}

const importInto = (id: string, body: string, contentType: string, query = '') =>
  t.call('POST', `/v1/datasets/${id}/entries/import${query}`, body, { 'content-type': contentType });

const countOf = async (id: string) => (await t.call('GET', `/v1/datasets/${id}`)).body.entry_count;

describe('entry import', () => {
  it('imports a JSON array and the {entries} wrapper', async () => {
    const id = await newDataset('import-json');
    const entries = [
      { input_data: { q: 'a' }, expected_output: 'A' },
      { input_data: { q: 'b' }, expected_output: { answer: 'B' }, tags: ['obj'] },
    ];
    const imported = await importInto(id, JSON.stringify(entries), 'application/json');
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ imported: 2, skipped: 0 });
    expect((await importInto(id, JSON.stringify({ entries }), 'application/json; charset=utf-8')).body.imported).toBe(2);
    expect(await countOf(id)).toBe(4);
  });

  it.each(['application/jsonl', 'application/x-ndjson', 'text/plain'])('imports JSON Lines sent as %s', async (type) => {
    const id = await newDataset(`import-${type}`);
    const text = '{"input_data":{"q":"a"},"expected_output":"A"}\n\n{"input_data":{"q":"b"},"expected_output":{"answer":"B"}}\n';
    expect((await importInto(id, text, type)).body).toEqual({ imported: 2, skipped: 0 });
    const listed = await t.call('GET', `/v1/datasets/${id}/entries`);
    expect(listed.body.items.map((entry: { expected_output: unknown }) => entry.expected_output)).toEqual(['A', { answer: 'B' }]);
  });

  it('writes nothing when one line in the middle is bad, and names that line', async () => {
    const id = await newDataset('import-bad-line');
    const lines = Array.from({ length: 9 }, (_, i) => JSON.stringify({ input_data: { i } }));
    lines.splice(4, 0, '{"input_data": "not an object"}');
    const rejected = await importInto(id, lines.join('\n'), 'application/jsonl');
    expect(rejected.status).toBe(400);
    expect(rejected.body.error).toMatchObject({
      type: 'invalid_request',
      details: { issue_count: 1, issues: [{ line: 5, path: 'input_data', message: 'must be a JSON object' }] },
    });
    expect(rejected.body.error.message).toContain('line 5');
    expect(await countOf(id)).toBe(0);
  });

  it('reports a line that is not JSON at all', async () => {
    const id = await newDataset('import-not-json');
    const rejected = await importInto(id, '{"input_data":{}}\n{"input_data":', 'application/jsonl');
    expect(rejected.status).toBe(400);
    expect(rejected.body.error.details.issues).toEqual([{ line: 2, path: '(root)', message: expect.stringContaining('not valid JSON') }]);
  });

  it("validates every entry against the template's input schema, unless validate=false", async () => {
    await t.services.templates.create({
      name: 'import-typed',
      user_prompt_template: '{{ city }}',
      input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    });
    const id = await newDataset('import-bound', 'import-typed@1');
    const text = [{ input_data: { city: 'Oslo' } }, { input_data: { town: 'Bergen' } }, { input_data: { city: 7 } }];
    const rejected = await importInto(id, JSON.stringify(text), 'application/json');
    expect(rejected.status).toBe(422);
    expect(rejected.body.error.type).toBe('validation_error');
    expect(rejected.body.error.details).toMatchObject({ invalid_count: 2, entries: [{ index: 1 }, { index: 2 }] });
    expect(await countOf(id)).toBe(0);
    expect((await importInto(id, JSON.stringify(text), 'application/json', '?validate=false')).body.imported).toBe(3);
  });

  it('skips duplicates with dedupe=true', async () => {
    const id = await newDataset('import-dedupe');
    const text = '{"input_data":{"a":1,"b":2},"expected_output":"x"}';
    await importInto(id, text, 'application/jsonl');
    const again = await importInto(
      id,
      `${text}\n{"input_data":{"b":2,"a":1},"expected_output":"x"}\n{"input_data":{"a":3}}`,
      'application/jsonl',
      '?dedupe=true',
    );
    expect(again.body).toEqual({ imported: 1, skipped: 2 });
  });

  it('answers 413 for too many entries and for a body above the byte cap', async () => {
    const id = await newDataset('import-too-big');
    const tooMany = Array.from({ length: 10_001 }, () => '{"input_data":{}}').join('\n');
    const counted = await importInto(id, tooMany, 'application/jsonl');
    expect(counted.status).toBe(413);
    expect(counted.body.error).toMatchObject({ type: 'payload_too_large', details: { limit_entries: 10_000, received_entries: 10_001 } });

    const huge = JSON.stringify([{ input_data: { blob: 'x'.repeat(t.config.maxImportBytes) } }]);
    const oversized = await importInto(id, huge, 'application/json');
    expect(oversized.status).toBe(413);
    expect(oversized.body.error.type).toBe('payload_too_large');
    expect(await countOf(id)).toBe(0);
  });

  it.each([
    ['malformed JSON', '[{"input_data":{}', 'application/json', 400],
    ['JSON that is not a list', '{"input_data":{}}', 'application/json', 400],
    ['an empty body', '', 'application/jsonl', 400],
    ['an unsupported media type', '<entries/>', 'application/xml', 415],
  ])('rejects %s', async (_label, body, type, status) => {
    const id = await newDataset(`import-reject-${type}-${status}-${body.length}`);
    const response = await importInto(id, body, type);
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ type: expect.any(String), message: expect.any(String) });
  });

  it('answers 404 for an unknown dataset and 400 for a bad id', async () => {
    expect((await importInto(crypto.randomUUID(), '{"input_data":{}}', 'application/jsonl')).status).toBe(404);
    expect((await importInto('nope', '{"input_data":{}}', 'application/jsonl')).status).toBe(400);
  });

  it('imports 10,000 entries within seconds and exports them back as JSON Lines', async () => {
    const id = await newDataset('import-10k');
    const text = Array.from({ length: 10_000 }, (_, i) =>
      JSON.stringify({ input_data: { n: i, text: 'lorem ipsum '.repeat(5) }, expected_output: i % 2 ? `out ${i}` : { n: i }, tags: ['bulk'] }),
    ).join('\n');
    const started = performance.now();
    const imported = await importInto(id, text, 'application/x-ndjson');
    expect(imported.body).toEqual({ imported: 10_000, skipped: 0 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await countOf(id)).toBe(10_000);

    const exported = await t.app.request(`/v1/datasets/${id}/entries/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('application/jsonl');
    const lines = (await exported.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(10_000);
    expect(lines.map((line) => JSON.parse(line))).toEqual(text.split('\n').map((line) => JSON.parse(line)));
  });

  it('answers 404 when exporting an unknown dataset', async () => {
    expect((await t.call('GET', `/v1/datasets/${crypto.randomUUID()}/entries/export`)).status).toBe(404);
  });
});
