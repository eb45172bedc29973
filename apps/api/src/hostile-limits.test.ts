import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/create-test-app';

// Issue 5 items 3 and 7, focused: each configured limit answers with its status and the standard
// error body, text PostgreSQL cannot store is refused up front, and the per-key rate limit says
// when to come back. The sweep over every route is in hostile-input.test.ts.

type ErrorBody = { error: { type: string; message: string; details: Record<string, unknown> | null } };

const as = (key: string) => ({ authorization: `Bearer ${key}` });

function expectError(response: { status: number; body: unknown }, status: number, type: string): ErrorBody['error'] {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  const { error } = response.body as ErrorBody;
  expect(error).toMatchObject({ type, message: expect.any(String) });
  expect(error).toHaveProperty('details');
  return error;
}

describe('request limits and unstorable input', () => {
  let t: TestApp;
  let admin: string;
  let datasetId: string;
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  beforeAll(async () => {
    t = await createTestApp({ MAX_BODY_BYTES: '4096', MAX_IMPORT_BYTES: '65536', MAX_JSON_DEPTH: '8', MAX_CONTEXT_BYTES: '1024', RATE_LIMIT_PER_MINUTE: '0' });
    admin = (await t.call('POST', '/v1/keys', { name: 'admin', scopes: ['admin'] })).body.key;
    await t.call('POST', '/v1/templates', { name: 'Limits', user_prompt_template: 'Hi {{ name }}', provider: 'mock' }, as(admin));
    datasetId = (await t.call('POST', '/v1/datasets', { name: 'limits' }, as(admin))).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers every limit with its own status and the standard error body', async () => {
    const big = 'x'.repeat(5_000);
    expect(expectError(await t.call('POST', '/v1/templates', { name: big, user_prompt_template: 'x' }, as(admin)), 413, 'payload_too_large').details).toEqual({
      limit_bytes: 4096,
    });
    // The public sign-in is bounded too.
    expectError(await t.call('POST', '/v1/session', { key: big }), 413, 'payload_too_large');

    // Imports get their own, larger cap.
    const entries = (count: number) => JSON.stringify(Array.from({ length: count }, (_, i) => ({ input_data: { i, pad: 'p'.repeat(40) } })));
    expect(entries(100).length).toBeGreaterThan(4096);
    expect((await t.call('POST', `/v1/datasets/${datasetId}/entries/import`, entries(100), as(admin))).status).toBe(201);
    expect(expectError(await t.call('POST', `/v1/datasets/${datasetId}/entries/import`, entries(2_000), as(admin)), 413, 'payload_too_large').details).toEqual({
      limit_bytes: 65536,
    });

    const tooDeep = await t.call('POST', '/v1/schemas/validate', `{"schema_json": {"items": ${nested(8)}}}`, as(admin));
    expect(expectError(tooDeep, 400, 'invalid_request').details).toEqual({ max_depth: 8 });
    expect((await t.call('POST', '/v1/schemas/validate', `{"schema_json": {"a": ${nested(6)}}}`, as(admin))).status).not.toBe(500);

    const context = await t.call('POST', '/v1/executions', { template: 'Limits', context: { name: 'n'.repeat(1_100) } }, as(admin));
    expect(expectError(context, 413, 'payload_too_large').details).toMatchObject({ field: '$.context', limit_bytes: 1024 });
  });

  it('refuses NUL characters and unpaired surrogates anywhere with 400, naming where', async () => {
    const cases: Array<[string, string, unknown, Record<string, unknown>]> = [
      ['POST', '/v1/executions', { template: 'Limits', context: { name: 'a\u0000b' } }, { field: '$.context.name' }],
      ['POST', '/v1/executions', { template: 'Limits', context: { 'a\u0000b': 1 } }, { field: 'A key of $.context' }],
      ['POST', `/v1/datasets/${datasetId}/entries`, { input_data: { name: 'x\uD800y' } }, { field: '$.input_data.name' }],
      ['POST', '/v1/templates', { name: 'Nul\u0000', user_prompt_template: 'x' }, { field: '$.name' }],
      ['GET', '/v1/templates/a%00b', undefined, { location: 'path' }],
      ['GET', '/v1/templates?q=%00', undefined, { location: 'query', parameter: 'q' }],
    ];
    for (const [method, path, body, details] of cases) {
      const error = expectError(await t.call(method, path, body, as(admin)), 400, 'invalid_request');
      expect(error.details).toEqual(details);
      expect(error.message).toContain('cannot be stored');
    }
    // Paired surrogates (emoji) are ordinary text.
    expect((await t.call('POST', '/v1/templates', { name: 'Emoji 👩‍👩‍👧', user_prompt_template: 'Hi 🙂 {{ name }}' }, as(admin))).status).toBe(201);
  });

  it('answers a value the database cannot compare with 400, without the SQL', async () => {
    const error = expectError(await t.call('GET', '/v1/executions?from=0000-01-01T00:00:00Z', undefined, as(admin)), 400, 'invalid_request');
    expect(error.details).toEqual({ sqlstate: '22008' });
    expect(JSON.stringify(error)).not.toMatch(/select|prompt_executions/i);
  });

  it('imports JSON whose keys are prototype names, and keeps them as data', async () => {
    const line =
      '{"input_data": {"constructor": {"prototype": {"x": 1}}, "__proto__": {"polluted": true}, "prototype": 1}, "expected_output": {"constructor": "c"}}';
    for (const [body, type] of [
      [`[${line}]`, 'application/json'],
      [line, 'application/jsonl'],
    ] as const) {
      const imported = await t.call('POST', `/v1/datasets/${datasetId}/entries/import`, body, { ...as(admin), 'content-type': type });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    }
    const newest = (await t.call('GET', `/v1/datasets/${datasetId}/entries?order=newest&limit=1`, undefined, as(admin))).body.items[0];
    expect(Object.keys(newest.input_data).sort()).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps, hidden, a template version an evaluation run used instead of failing to delete it', async () => {
    const template = (await t.call('POST', '/v1/templates', { name: 'Judged', user_prompt_template: 'Hi {{ q }}', provider: 'mock' }, as(admin))).body;
    const dataset = (await t.call('POST', '/v1/datasets', { name: 'judged', template: template.id }, as(admin))).body;
    await t.call('POST', `/v1/datasets/${dataset.id}/entries`, { input_data: { q: 'a' }, expected_output: 'A' }, as(admin));
    const run = await t.call('POST', `/v1/datasets/${dataset.id}/runs`, { template: template.id, scorers: [{ type: 'exact_match' }] }, as(admin));
    expect(run.status).toBe(202);
    const deleted = await t.call('DELETE', `/v1/templates/${template.id}`, undefined, as(admin));
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: 'soft', versions: [{ id: template.id, deleted: 'soft' }] });
    expect((await t.call('GET', `/v1/runs/${run.body.id}`, undefined, as(admin))).body.template_id).toBe(template.id);
  });

  it('answers a sign-in body that is not JSON with 415 or 400, setting no cookie', async () => {
    for (const [type, body, status, error] of [
      ['multipart/form-data; boundary=zzz', '--zzz\r\nContent-Disposition: form-data; name="key"\r\n\r\nabc', 415, 'unsupported_media_type'],
      ['application/x-www-form-urlencoded', `key=${encodeURIComponent(admin)}`, 415, 'unsupported_media_type'],
      ['application/json', '{"key": ', 400, 'invalid_request'],
    ] as const) {
      const response = await t.call('POST', '/v1/session', body, { 'content-type': type });
      expectError(response, status, error);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });
});

describe('per-key rate limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 with Retry-After and the standard body once a key is over, whatever it sends', async () => {
    const admin = (await t.call('POST', '/v1/keys', { name: 'admin', scopes: ['admin'] })).body.key as string;
    const reader = (await t.call('POST', '/v1/keys', { name: 'reader', scopes: ['read'] }, as(admin))).body.key as string;
    for (let i = 0; i < 4; i++) expect((await t.call('GET', '/v1/templates', undefined, as(admin))).status).toBe(200);
    for (const [body, headers] of [
      [undefined, as(admin)],
      ['{"name": ', { ...as(admin), 'content-type': 'application/json' }],
      [`[${'['.repeat(10_000)}`, { ...as(admin), 'content-type': 'application/json' }],
    ] as const) {
      const limited = await t.call(body === undefined ? 'GET' : 'POST', '/v1/templates', body, headers);
      const error = expectError(limited, 429, 'rate_limited');
      expect(error.details).toMatchObject({ limit_per_minute: 5 });
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(JSON.stringify(limited.body)).not.toContain(admin);
    }
    // Per key: another key still gets through, and probes are never throttled.
    expect((await t.call('GET', '/v1/templates', undefined, as(reader))).status).toBe(200);
    expect((await t.call('GET', '/healthz')).status).toBe(200);
  });
});
