import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBuiltinTemplates } from '@promptops/domain';
import { createTestApp, type TestApp } from './testing/create-test-app';
import type { Limits } from './testing/hostile-payloads';
import { HostileProbe, logCollector, TABLES } from './testing/hostile-probe';
import { type HostileFixtures, HostileRequests, type Route, routesOf } from './testing/hostile-requests';

// Issue 5 item 7: every route, fed malformed, oversized, wrongly typed, deeply nested, unicode-laden
// and injection-shaped input with and without valid keys, answers < 500 with the standard error
// body, writes nothing when it refuses, and shows no key or secret in an answer or a log line.

const SECRETS = {
  OPENAI_API_KEY: 'sk-test-secret-hostile-openai-0123456789abcdef',
  HOSTILE_LLM_KEY: 'hostile-llm-secret-key-0123456789abcdef',
  METRICS_TOKEN: 'metrics-token-hostile-0123456789abcdef',
};
const HOSTILE_LIMITS: Limits = { maxBodyBytes: 65_536, maxImportBytes: 262_144, maxJsonDepth: 32, maxContextBytes: 16_384 };
const ENV = {
  ...SECRETS,
  // Nothing listens there, and no worker runs, so no provider is ever called.
  OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
  LLM_PROVIDERS: JSON.stringify([{ name: 'hostile-llm', base_url: 'http://127.0.0.1:9/v1', api_key_env: 'HOSTILE_LLM_KEY' }]),
  RATE_LIMIT_PER_MINUTE: '0',
  MAX_BODY_BYTES: String(HOSTILE_LIMITS.maxBodyBytes),
  MAX_IMPORT_BYTES: String(HOSTILE_LIMITS.maxImportBytes),
  MAX_JSON_DEPTH: String(HOSTILE_LIMITS.maxJsonDepth),
  MAX_CONTEXT_BYTES: String(HOSTILE_LIMITS.maxContextBytes),
};

let t: TestApp;
let probe: HostileProbe;
let fx: HostileFixtures;
let routes: Route[];
const logs = logCollector();

async function must(method: string, path: string, body: unknown, key: string | undefined, status: number) {
  const response = await t.call(method, path, body, key ? { authorization: `Bearer ${key}` } : {});
  if (response.status !== status) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Keys of every scope, and one row of every kind, so requests with real ids reach deep code. */
async function createFixtures(): Promise<HostileFixtures> {
  const admin = await must('POST', '/v1/keys', { name: 'admin', scopes: ['admin'] }, undefined, 201);
  const key = async (name: string, scopes: string[]) => {
    const created = await must('POST', '/v1/keys', { name, scopes }, admin.key, 201);
    return { id: created.id as string, key: created.key as string };
  };
  const keys = {
    admin: { id: admin.id, key: admin.key },
    read: await key('read', ['read']),
    write: await key('write', ['write']),
    revoked: await key('revoked', ['admin']),
    victim: await key('victim', ['read']),
  };
  await must('DELETE', `/v1/keys/${keys.revoked.id}`, undefined, admin.key, 200);
  const signedIn = await t.app.request('/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: admin.key }),
  });
  const adminSessionCookie = signedIn.headers.get('set-cookie')?.split(';')[0];
  if (signedIn.status !== 200 || !adminSessionCookie) throw new Error(`sign-in: ${signedIn.status}`);
  // The Prompt Generator must exist for /v1/templates/generate to get past the lookup.
  await seedBuiltinTemplates(t.services);
  const templateName = 'Hostile Fixture';
  const template = await must('POST', '/v1/templates', { name: templateName, user_prompt_template: 'Hello {{ user }}', provider: 'mock' }, admin.key, 201);
  const victim = await must(
    'POST',
    '/v1/templates',
    {
      name: 'Hostile Victim',
      user_prompt_template: 'Hi {{ user }}',
      provider: 'mock',
      input_schema: { type: 'object', properties: { user: { type: 'string' } } },
      output_schema: { type: 'object' },
    },
    admin.key,
    201,
  );
  const schemas = await must('GET', `/v1/templates/${victim.id}/schemas`, undefined, admin.key, 200);
  const dataset = await must('POST', '/v1/datasets', { name: 'Hostile Dataset', template: template.id }, admin.key, 201);
  const entry = await must(
    'POST',
    `/v1/datasets/${dataset.id}/entries`,
    { input_data: { user: 'u' }, expected_output: 'Hello u', tags: ['t'] },
    admin.key,
    201,
  );
  const execution = await must('POST', '/v1/executions', { template_id: template.id, context: { user: 'u' } }, admin.key, 202);
  const run = await must('POST', `/v1/datasets/${dataset.id}/runs`, { template: template.id, scorers: [{ type: 'exact_match' }] }, admin.key, 202);
  return {
    keys,
    adminSessionCookie,
    templateId: template.id,
    templateName,
    victimTemplateId: victim.id,
    schemaId: schemas.items[0].id,
    datasetId: dataset.id,
    entryId: entry.id,
    executionId: execution.id,
    runId: run.id,
  };
}

describe('hostile input', () => {
  let requests: HostileRequests;

  beforeAll(async () => {
    t = await createTestApp(ENV, { logDestination: logs.destination });
    probe = new HostileProbe(t);
    fx = await createFixtures();
    for (const secret of Object.values(SECRETS)) probe.addSecret(secret);
    for (const { key } of Object.values(fx.keys)) {
      probe.addSecret(key);
      probe.addSecret(key.slice(-43)); // the random part alone
    }
    probe.addSecret(fx.adminSessionCookie.split('=')[1]);
    routes = routesOf((await t.call('GET', '/openapi.json')).body);
    requests = new HostileRequests(fx, HOSTILE_LIMITS, SECRETS.METRICS_TOKEN);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads every route from the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining(['POST /v1/templates', 'POST /v1/datasets/{id}/entries/import', 'DELETE /v1/keys/{id}']),
    );
    expect(routes.find((route) => route.method === 'GET' && route.path === '/v1/executions')?.dateQuery).toEqual(['from', 'to']);
    expect(routes.find((route) => route.method === 'POST' && route.path === '/v1/executions')?.headers).toEqual(['idempotency-key']);
  });

  it('never answers 5xx, a non-standard error, a refused write or a secret, on any route', async () => {
    const started = Date.now();
    const all = [...requests.documented(routes), ...requests.offDocument(routes)];
    // Deletes last, so the fixtures stay for everything else.
    for (const request of [...all.filter((r) => r.method !== 'DELETE'), ...all.filter((r) => r.method === 'DELETE')]) await probe.send(request);
    await probe.checkReads();

    const summary = [...probe.statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    console.info(`hostile input: ${probe.sent} requests in ${Date.now() - started} ms: ${summary}`);
    const serverErrors = logs.lines.filter((line) => line.includes('"level":50')).map((line) => line.slice(0, 600));
    expect(probe.violations.slice(0, 60), `${probe.violations.length} violations; first logged errors:\n${serverErrors.slice(0, 5).join('\n')}`).toEqual([]);
    // Deep code was reached: many hostile requests were accepted, not all refused at the door.
    expect([...probe.statuses].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0)).toBeGreaterThan(500);
  }, 300_000);

  it('keeps every table, and pollutes no prototype', async () => {
    const tables = await t.db.orm.em
      .fork()
      .getConnection()
      .execute<{ table_name: string }[]>(`select table_name from information_schema.tables where table_schema = current_schema()`);
    expect(tables.map((row) => row.table_name)).toEqual(expect.arrayContaining([...TABLES]));
    expect(Object.keys(await probe.rowCounts())).toEqual([...TABLES]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });

  it('writes no secret and no Authorization header to the logs', () => {
    expect(logs.lines.length).toBeGreaterThan(1000);
    expect(probe.leakingLogLines(logs.lines, requests.authorizationValues)).toEqual([]);
  });
});
