import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';
import { createTemplate, insertExecution, path } from '../templates/template-test-fixtures';

let t: TestApp;
/** Execution ids by label, to compare pages without depending on generated ids. */
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
  const v1 = await createTemplate(t, 'Runner');
  const v2 = (await t.call('POST', path('Runner@1', '/versions'), {})).body;
  const v3 = (await t.call('POST', path('Runner@2', '/versions'), {})).body;
  const other = await createTemplate(t, 'Runner Two');
  ids.set('v1 ok', await insertExecution(t, v1.id, { executed_at: minutesAgo(50) }));
  ids.set('v1 timeout', await insertExecution(t, v1.id, { status: 'failed', failure_kind: 'timeout', executed_at: minutesAgo(40) }));
  ids.set('v2 provider', await insertExecution(t, v2.id, { status: 'failed', failure_kind: 'provider', executed_at: minutesAgo(30) }));
  ids.set('v2 queued', await insertExecution(t, v2.id, { status: 'queued', executed_at: minutesAgo(20) }));
  ids.set('v3 timeout', await insertExecution(t, v3.id, { status: 'failed', failure_kind: 'timeout', executed_at: minutesAgo(10) }));
  ids.set('other timeout', await insertExecution(t, other.id, { status: 'failed', failure_kind: 'timeout', executed_at: minutesAgo(5) }));
  // A deleted version's executions still belong to its name's history.
  expect((await t.call('DELETE', path(v3.id))).body.deleted).toBe('soft');
});
afterAll(async () => {
  await t.close();
});

async function labels(query: string): Promise<{ labels: string[]; total: number }> {
  const { status, body } = await t.call('GET', `/v1/executions?${query}`);
  if (status !== 200) throw new Error(`GET /v1/executions?${query} answered ${status}: ${JSON.stringify(body)}`);
  const byId = new Map([...ids].map(([label, id]) => [id, label]));
  return { labels: body.items.map((item: { id: string }) => byId.get(item.id) ?? item.id), total: body.total };
}

describe('GET /v1/executions filters', () => {
  it('takes a name as every version of it, deleted ones included, newest first', async () => {
    expect(await labels('template=Runner')).toEqual({ labels: ['v3 timeout', 'v2 queued', 'v2 provider', 'v1 timeout', 'v1 ok'], total: 5 });
  });

  it('takes name@N as exactly that version', async () => {
    expect((await labels(`template=${encodeURIComponent('Runner@2')}`)).labels).toEqual(['v2 queued', 'v2 provider']);
    expect((await labels(`template=${encodeURIComponent('Runner@3')}`)).labels).toEqual(['v3 timeout']);
    expect((await labels(`template=${encodeURIComponent('Runner@9')}`)).labels).toEqual([]);
  });

  it('answers an empty page for an unknown name', async () => {
    const { status, body } = await t.call('GET', '/v1/executions?template=Nobody');
    expect(status).toBe(200);
    expect(body).toMatchObject({ items: [], total: 0 });
  });

  it('filters by failure kind, alone and with the other filters', async () => {
    expect((await labels('failure_kind=timeout')).labels).toEqual(['other timeout', 'v3 timeout', 'v1 timeout']);
    expect((await labels('failure_kind=timeout&template=Runner')).labels).toEqual(['v3 timeout', 'v1 timeout']);
    expect((await labels('failure_kind=provider&status=failed')).labels).toEqual(['v2 provider']);
    expect((await labels('failure_kind=cancelled')).labels).toEqual([]);
    const runner = await t.call('GET', path('Runner@1'));
    expect((await labels(`template=Runner&template_id=${runner.body.id}`)).labels).toEqual(['v1 timeout', 'v1 ok']);
    expect((await labels(`template=${encodeURIComponent('Runner Two')}&template_id=${runner.body.id}`)).labels).toEqual([]);
  });

  it('pages with the filters applied to the total', async () => {
    const page = await labels('template=Runner&limit=2&offset=1');
    expect(page).toEqual({ labels: ['v2 queued', 'v2 provider'], total: 5 });
  });

  it('rejects unknown failure kinds and empty names with 400', async () => {
    for (const query of ['failure_kind=oops', 'template=', 'template=%20']) {
      const { status, body } = await t.call('GET', `/v1/executions?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.type).toBe('invalid_request');
    }
  });
});
