import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';
import { createTemplate, insertExecution, path } from './template-test-fixtures';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Row {
  id: string;
  name: string;
  version_number: number;
  version_count?: number;
  stats?: unknown;
}

const label = (row: Row) => `${row.name}@${row.version_number}`;

async function list(query: string): Promise<{ items: Row[]; total: number }> {
  const { status, body } = await t.call('GET', `/v1/templates?${query}`);
  if (status !== 200) throw new Error(`GET /v1/templates?${query} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

async function newVersion(ref: string, changes: Record<string, unknown>): Promise<Row> {
  const { status, body } = await t.call('POST', path(ref, '/versions'), changes);
  if (status !== 201) throw new Error(`new version of ${ref} failed: ${JSON.stringify(body)}`);
  return body;
}

async function softDelete(ref: string, templateId: string): Promise<void> {
  await insertExecution(t, templateId);
  expect((await t.call('DELETE', path(ref))).body.deleted).toBe('soft');
}

describe('per_name', () => {
  beforeAll(async () => {
    // Alpha resolves to v2 (v3 is inactive and on another provider).
    await createTemplate(t, 'PN Alpha');
    await newVersion('PN Alpha@1', {});
    await newVersion('PN Alpha@2', { is_active: false, provider: 'mock' });
    // Beta has no active version: its highest one stands for it.
    await createTemplate(t, 'PN Beta', { is_active: false });
    await newVersion('PN Beta@1', { is_active: false, provider: 'mock' });
    // Gamma's v2 is deleted, so v1 is both resolved and the only visible version.
    await createTemplate(t, 'PN Gamma');
    const gamma2 = await newVersion('PN Gamma@1', {});
    await softDelete('PN Gamma@2', gamma2.id);
    await createTemplate(t, 'PN Delta', { category: 'documentation' });
  });

  it('gives one row per name with its version count, and counts names', async () => {
    const page = await list('per_name=true&q=PN%20');
    expect(page.total).toBe(4);
    expect(page.items.map((row) => [label(row), row.version_count])).toEqual([
      ['PN Alpha@2', 3],
      ['PN Beta@2', 2],
      ['PN Delta@1', 1],
      ['PN Gamma@1', 1],
    ]);
    expect(page.items.find((row) => row.name === 'PN Beta')).toMatchObject({ is_active: false, resolved: false });
    // Without per_name nothing changes: every visible version, no extra fields.
    const versions = await list('q=PN%20');
    expect(versions.total).toBe(7);
    expect(versions.items.every((row) => !('version_count' in row) && !('stats' in row))).toBe(true);
  });

  it("applies the filters to the name's row, never to its other versions", async () => {
    // Alpha@3 is a mock version, but Alpha's row (v2) is on auto.
    expect((await list('per_name=true&q=PN%20&category=documentation')).items.map(label)).toEqual(['PN Delta@1']);
    expect((await list('per_name=true&q=PN%20&is_active=false')).items.map(label)).toEqual(['PN Beta@2']);
    expect((await list('per_name=true&q=PN%20&provider=mock')).items.map(label)).toEqual(['PN Beta@2']);
    const page = await list('per_name=true&q=PN%20&limit=2&offset=2');
    expect(page).toMatchObject({ total: 4, limit: 2, offset: 2 });
    expect(page.items.map(label)).toEqual(['PN Delta@1', 'PN Gamma@1']);
  });
});

describe('sort', () => {
  beforeAll(async () => {
    const a = await createTemplate(t, 'Srt a');
    const b1 = await createTemplate(t, 'Srt b');
    const b2 = await newVersion('Srt b@1', {});
    const c = await createTemplate(t, 'Srt c');
    // Fixed values so every order is known; b's two versions tie on everything but the number.
    const set = (id: string, created: string, updated: string, usage: number, lastUsed: string | null) =>
      t.db.orm.em
        .fork()
        .execute('update prompt_templates set created_at = ?, updated_at = ?, usage_count = ?, last_used_at = ? where id = ?', [
          created,
          updated,
          usage,
          lastUsed,
          id,
        ]);
    await set(a.id, '2025-01-01T00:00:00Z', '2025-03-03T00:00:00Z', 5, null);
    await set(b1.id, '2025-01-02T00:00:00Z', '2025-03-01T00:00:00Z', 9, '2025-02-01T00:00:00Z');
    await set(b2.id, '2025-01-02T00:00:00Z', '2025-03-01T00:00:00Z', 9, '2025-02-01T00:00:00Z');
    await set(c.id, '2025-01-03T00:00:00Z', '2025-03-02T00:00:00Z', 5, '2025-02-02T00:00:00Z');
  });

  it.each([
    ['name', ['a@1', 'b@2', 'b@1', 'c@1']],
    ['-name', ['c@1', 'b@2', 'b@1', 'a@1']],
    ['created_at', ['a@1', 'b@2', 'b@1', 'c@1']],
    ['-created_at', ['c@1', 'b@2', 'b@1', 'a@1']],
    ['updated_at', ['b@2', 'b@1', 'c@1', 'a@1']],
    ['-updated_at', ['a@1', 'c@1', 'b@2', 'b@1']],
    // a and c tie on usage: name breaks the tie in both directions.
    ['usage_count', ['a@1', 'c@1', 'b@2', 'b@1']],
    ['-usage_count', ['b@2', 'b@1', 'a@1', 'c@1']],
    // a never ran: last in both directions.
    ['last_used_at', ['b@2', 'b@1', 'c@1', 'a@1']],
    ['-last_used_at', ['c@1', 'b@2', 'b@1', 'a@1']],
  ])('sort=%s', async (sort, expected) => {
    const page = await list(`q=Srt%20&sort=${sort}`);
    expect(page.items.map((row) => label(row).replace('Srt ', ''))).toEqual(expected);
  });

  it('sorts the per-name rows', async () => {
    const page = await list('per_name=true&q=Srt%20&sort=-usage_count');
    expect(page.items.map(label)).toEqual(['Srt b@2', 'Srt a@1', 'Srt c@1']);
  });

  it('keeps the default order when sort is absent, and rejects unknown sorts', async () => {
    expect((await list('q=Srt%20')).items.map(label)).toEqual((await list('q=Srt%20&sort=name')).items.map(label));
    for (const sort of ['size', '-', 'name,usage_count', '+name']) {
      const { status, body } = await t.call('GET', `/v1/templates?sort=${encodeURIComponent(sort)}`);
      expect(status, sort).toBe(400);
      expect(body.error.type).toBe('invalid_request');
    }
  });
});

describe('include_stats', () => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

  beforeAll(async () => {
    const v1 = await createTemplate(t, 'St one');
    await insertExecution(t, v1.id, { status: 'succeeded' });
    await insertExecution(t, v1.id, { status: 'failed', failure_kind: 'provider' });
    await insertExecution(t, v1.id, { status: 'queued' });
    await insertExecution(t, v1.id, { status: 'succeeded', executed_at: hoursAgo(25) });
    await insertExecution(t, v1.id, { status: 'failed', failure_kind: 'timeout', executed_at: hoursAgo(30) });
    const v2 = await newVersion('St one@1', {});
    await insertExecution(t, v2.id, { status: 'succeeded', executed_at: hoursAgo(23) });
    await insertExecution(t, v2.id, { status: 'cancelled', failure_kind: 'cancelled' });
    // A deleted version's runs still count for its name.
    const v3 = await newVersion('St one@2', {});
    await insertExecution(t, v3.id, { status: 'failed', failure_kind: 'validation' });
    expect((await t.call('DELETE', path(v3.id))).body.deleted).toBe('soft');
    await createTemplate(t, 'St two');
  });

  it('counts each version over the last 24 hours', async () => {
    const page = await list('q=St%20&include_stats=true');
    expect(page.items.map((row) => [label(row), row.stats])).toEqual([
      ['St one@2', { executions_24h: 2, succeeded_24h: 1, failed_24h: 0, success_rate_24h: 1 }],
      ['St one@1', { executions_24h: 3, succeeded_24h: 1, failed_24h: 1, success_rate_24h: 0.5 }],
      ['St two@1', { executions_24h: 0, succeeded_24h: 0, failed_24h: 0, success_rate_24h: null }],
    ]);
  });

  it('counts every version of the name with per_name', async () => {
    const page = await list('q=St%20&include_stats=true&per_name=true');
    expect(page.items.map((row) => [label(row), row.version_count, row.stats])).toEqual([
      ['St one@2', 2, { executions_24h: 6, succeeded_24h: 2, failed_24h: 2, success_rate_24h: 0.5 }],
      ['St two@1', 1, { executions_24h: 0, succeeded_24h: 0, failed_24h: 0, success_rate_24h: null }],
    ]);
  });

  it('documents the new parameters and the list item in /openapi.json', async () => {
    const { body } = await t.call('GET', '/openapi.json');
    const parameters = body.paths['/v1/templates'].get.parameters as { name: string; description?: string }[];
    for (const name of ['per_name', 'sort', 'include_stats', 'limit', 'offset', 'category']) {
      expect(parameters.find((p) => p.name === name)?.description, name).toEqual(expect.any(String));
    }
    const item = JSON.stringify(body.components.schemas.TemplateListItem);
    for (const part of ['#/components/schemas/Template"', 'version_count', '#/components/schemas/TemplateStats"']) expect(item).toContain(part);
  });
});
