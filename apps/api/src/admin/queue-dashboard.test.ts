import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('queue dashboard', () => {
  it('serves a page that loads nothing from another origin and links back to the console', async () => {
    const response = await t.app.request('/admin/queues');
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('static/js/main.');
    const loaded = [...page.matchAll(/\b(?:href|src)=["']?([^"' >]+)/g)].map((match) => match[1] ?? '');
    expect(loaded.length).toBeGreaterThan(2);
    expect(loaded.filter((url) => /^(?:https?:)?\/\//i.test(url))).toEqual([]);
    expect(page).not.toContain('fonts.googleapis');
    const uiConfig = JSON.parse(/<script id="__UI_CONFIG__" type="application\/json">(.*?)<\/script>/s.exec(page)?.[1] ?? '{}');
    expect(uiConfig.miscLinks).toEqual([{ text: 'Console', url: '/' }]);
  });

  it('is read-only, so a retry cannot turn a job green while its execution stays failed', async () => {
    await t.services.templates.create({ name: 'Dashboard Probe', system_prompt: 'S', user_prompt_template: 'Hi', provider: 'mock' });
    const { execution } = await t.services.executions.submit({ template: 'Dashboard Probe', context: {} });

    const queues = (await t.call('GET', '/admin/queues/api/queues')).body as { queues: { name: string; readOnlyMode: boolean }[] };
    expect(queues.queues.map((queue) => [queue.name, queue.readOnlyMode]).sort()).toEqual([
      ['evaluation-runs', true],
      ['executions', true],
      ['generations', true],
      ['webhooks', true],
    ]);
    for (const [method, path] of [
      ['PUT', `/admin/queues/api/queues/executions/${execution.id}/retry`],
      ['PUT', '/admin/queues/api/queues/executions/retry/failed'],
      ['PUT', `/admin/queues/api/queues/executions/${execution.id}/clean`],
      ['PUT', '/admin/queues/api/queues/evaluation-runs/retry/failed'],
    ] as const) {
      const refused = await t.call(method, path);
      expect(refused.status, path).toBe(405);
      expect(refused.body.error.type).toBe('method_not_allowed');
    }
    expect(await (await t.queues.executions.getJob(execution.id))?.getState()).toBe('waiting');
  });
});
