import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertFinishedExecution, type TestApp } from '../../testing/create-test-app';

let t: TestApp;
let admin: Record<string, string>;
let writer: Record<string, string>;
let reader: Record<string, string>;

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

beforeAll(async () => {
  t = await createTestApp();
  const created = await t.call('POST', '/v1/keys', { name: 'admin', scopes: ['admin'] });
  admin = bearer(created.body.key);
  writer = bearer((await t.call('POST', '/v1/keys', { name: 'writer', scopes: ['write'] }, admin)).body.key);
  reader = bearer((await t.call('POST', '/v1/keys', { name: 'reader', scopes: ['read'] }, admin)).body.key);
});
afterAll(async () => {
  await t?.close();
});

describe('/v1/budgets', () => {
  it('creates, lists with the current spend, changes and deletes budgets; only admin keys write', async () => {
    await insertFinishedExecution(t.db.orm, { provider: 'mock', promptTokens: 300, completionTokens: 100, costUsd: 0.25 });
    const body = { name: 'Mock monthly', scope: { kind: 'provider', value: 'mock' }, period: 'month', metric: 'tokens', amount: 1000 };
    expect((await t.call('POST', '/v1/budgets', body, writer)).status).toBe(403);
    const created = await t.call('POST', '/v1/budgets', body, admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Mock monthly', scope: { kind: 'provider', value: 'mock' }, thresholds: [50, 80, 100], hard_limit: false });
    expect(created.body.current).toMatchObject({ spent: 400, ratio: 0.4 });
    const now = new Date();
    expect(created.body.current.period_start).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString());

    const usd = await t.call(
      'POST',
      '/v1/budgets',
      { name: 'Everything daily', scope: { kind: 'global' }, period: 'day', metric: 'usd', amount: 1, thresholds: [100, 25, 25] },
      admin,
    );
    expect(usd.body).toMatchObject({ thresholds: [25, 100], current: { spent: 0.25, ratio: 0.25 } });

    const listed = await t.call('GET', '/v1/budgets', undefined, reader);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((budget: { name: string }) => budget.name)).toEqual(['Everything daily', 'Mock monthly']);

    const changed = await t.call('PATCH', `/v1/budgets/${created.body.id}`, { amount: 4000, hard_limit: true }, admin);
    expect(changed.body).toMatchObject({ amount: 4000, hard_limit: true, current: { ratio: 0.1 } });
    expect((await t.call('DELETE', `/v1/budgets/${usd.body.id}`, undefined, admin)).body).toEqual({ id: usd.body.id, deleted: true });
    expect((await t.call('GET', `/v1/budgets/${usd.body.id}`, undefined, reader)).status).toBe(404);
    await t.call('DELETE', `/v1/budgets/${created.body.id}`, undefined, admin);
  });

  it('answers bad budgets with clear 4xx errors and writes nothing', async () => {
    const good = { name: 'B', scope: { kind: 'global' }, period: 'month', metric: 'usd', amount: 5 };
    for (const [body, status] of [
      [{ ...good, period: 'week' }, 400],
      [{ ...good, amount: 0 }, 400],
      [{ ...good, thresholds: [] }, 400],
      [{ ...good, thresholds: [50.5] }, 400],
      [{ ...good, scope: { kind: 'template' } }, 400],
      [{ ...good, scope: { kind: 'global', value: 'x' } }, 400],
      [{ ...good, extra: true }, 400],
    ] as const) {
      const response = await t.call('POST', '/v1/budgets', body, admin);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.error.type).toBe('invalid_request');
    }
    expect((await t.call('GET', '/v1/budgets?stauts=x', undefined, admin)).status).toBe(400);
    expect((await t.call('GET', '/v1/budgets', undefined, admin)).body.items).toEqual([]);
    await t.call('POST', '/v1/budgets', good, admin);
    const duplicate = await t.call('POST', '/v1/budgets', good, admin);
    expect(duplicate.status).toBe(409);
    await t.call('DELETE', `/v1/budgets/${duplicate.body.error.details.id}`, undefined, admin);
  });

  it('refuses submissions in the scope of a spent hard budget with 429 budget_exceeded, and takes them again once raised', async () => {
    const template = await t.call('POST', '/v1/templates', { name: 'Capped', user_prompt_template: 'Hi {{ name }}', provider: 'mock' }, admin);
    expect((await t.call('POST', '/v1/templates', { name: 'Free', user_prompt_template: 'Hi {{ name }}', provider: 'mock' }, admin)).status).toBe(201);
    await insertFinishedExecution(t.db.orm, { templateId: template.body.id, costUsd: 0.6 });
    const budget = await t.call(
      'POST',
      '/v1/budgets',
      { name: 'Capped cap', scope: { kind: 'template', value: 'Capped' }, period: 'day', metric: 'usd', amount: 1, hard_limit: true },
      admin,
    );
    const submit = (name: string) => t.call('POST', '/v1/executions', { template: name, context: { name: 'Ada' } }, writer);
    expect((await submit('Capped')).status).toBe(202);

    await insertFinishedExecution(t.db.orm, { templateId: template.body.id, costUsd: 0.4 });
    const refused = await submit('Capped');
    expect(refused.status).toBe(429);
    expect(refused.body.error.type).toBe('budget_exceeded');
    expect(refused.body.error.details.budget).toMatchObject({
      id: budget.body.id,
      name: 'Capped cap',
      scope: { kind: 'template', value: 'Capped' },
      period: 'day',
      amount: 1,
    });
    expect(refused.body.error.details.budget.spent).toBeCloseTo(1, 8);
    // Other templates, and evaluation runs and generations of this one, follow their own budgets.
    expect((await submit('Free')).status).toBe(202);
    const dataset = await t.call('POST', '/v1/datasets', { name: 'Capped cases', template: 'Capped' }, writer);
    await t.call('POST', `/v1/datasets/${dataset.body.id}/entries`, { input_data: { name: 'Ada' } }, writer);
    const run = await t.call('POST', `/v1/datasets/${dataset.body.id}/runs`, { scorers: [{ type: 'exact_match' }] }, writer);
    expect(run.status).toBe(429);
    expect(run.body.error.type).toBe('budget_exceeded');

    const raised = await t.call('PATCH', `/v1/budgets/${budget.body.id}`, { amount: 2 }, admin);
    expect(raised.body.current.ratio).toBeCloseTo(0.5, 8);
    expect((await submit('Capped')).status).toBe(202);
    await t.call('PATCH', `/v1/budgets/${budget.body.id}`, { amount: 1 }, admin);
    expect((await submit('Capped')).status).toBe(429);
    await t.call('PATCH', `/v1/budgets/${budget.body.id}`, { hard_limit: false }, admin);
    expect((await submit('Capped')).status).toBe(202);
    await t.call('DELETE', `/v1/budgets/${budget.body.id}`, undefined, admin);
  });
});

describe('/v1/alert-rules and /v1/alerts', () => {
  it('manages rules and lists, filters and acknowledges the alerts evaluations record', async () => {
    const rule = await t.call(
      'POST',
      '/v1/alert-rules',
      { name: 'Mock failing', metric: 'failure_rate', scope: { kind: 'provider', value: 'flaky' }, window_minutes: 15, threshold: 0.5, min_executions: 4 },
      admin,
    );
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ cooldown_minutes: 15, enabled: true });
    expect(
      (await t.call('POST', '/v1/alert-rules', { name: 'Bad', metric: 'failure_rate', scope: { kind: 'global' }, window_minutes: 5, threshold: 20 }, admin))
        .status,
    ).toBe(400);
    for (const status of ['failed', 'failed', 'failed', 'succeeded'] as const) await insertFinishedExecution(t.db.orm, { provider: 'flaky', status });

    const report = await t.services.alertEvaluator.evaluateOnce();
    expect(report.fired).toHaveLength(1);
    const listed = await t.call('GET', '/v1/alerts?kind=failure_rate&acknowledged=false', undefined, reader);
    expect(listed.body).toMatchObject({ total: 1, unacknowledged: 1 });
    expect(listed.body.items[0]).toMatchObject({ rule_id: rule.body.id, subject_name: 'Mock failing', threshold: 0.5, observed: 0.75 });
    expect(listed.body.items[0].message).toContain('75.0% failed');
    // Within the cool-down the same rule stays quiet.
    expect((await t.services.alertEvaluator.evaluateOnce()).fired).toEqual([]);

    const acknowledged = await t.call('POST', `/v1/alerts/${listed.body.items[0].id}/acknowledge`, undefined, writer);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.acknowledged_at).not.toBeNull();
    expect((await t.call('GET', '/v1/alerts?acknowledged=false', undefined, reader)).body).toMatchObject({ total: 0, unacknowledged: 0 });
    expect((await t.call('GET', '/v1/alerts?acknowledged=maybe', undefined, reader)).status).toBe(400);
    expect((await t.call('DELETE', `/v1/alert-rules/${rule.body.id}`, undefined, admin)).status).toBe(200);
    // The alert outlives its rule.
    expect((await t.call('GET', '/v1/alerts', undefined, reader)).body.items[0]).toMatchObject({ rule_id: null, subject_id: rule.body.id });
  });
});
