import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type RunningServer } from '@promptops/api';
import { createTestApp, insertFinishedExecution, startWebhookReceiver, type TestApp, type WebhookReceiver } from '@promptops/api/testing';
import { spawnCli } from '../testing/spawn-cli';

/**
 * `promptops budgets | alert-rules | alerts | ack | webhooks` as real processes against a real
 * server over its own database; spend is set up by inserting finished executions (the rollups count
 * them) and alerts are recorded by one evaluation, so no worker or provider is needed. Each process
 * start costs seconds on a busy machine, hence the long test time-outs.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

let t: TestApp;
let server: RunningServer;
let receiver: WebhookReceiver;

const promptops = (...args: string[]) => spawnCli(args, { PROMPTOPS_API_URL: server.url, NO_COLOR: '1' }).result;

beforeAll(async () => {
  // The receiver listens on loopback, which only this setting lets webhooks reach.
  t = await createTestApp({ WEBHOOK_SECRET_KEY: '12'.repeat(32), WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  server = await startApiServer(t.app, { host: '127.0.0.1', port: 0 });
  receiver = await startWebhookReceiver();
  const created = await t.call('POST', '/v1/templates', { name: 'Metered', user_prompt_template: 'Say {{ word }}', provider: 'mock' });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await server?.close();
  await receiver?.close();
  await t?.close();
});

describe('promptops budgets, alerts and ack', () => {
  it('creates and raises a budget, lists the alerts its spend fired and acknowledges one; bad usage exits 2', async () => {
    const created = await promptops(
      'budgets',
      'create',
      '--name',
      'Metered monthly',
      '--amount',
      '200',
      '--metric',
      'tokens',
      '--template',
      'Metered',
      '--thresholds',
      '50,100',
      '--hard-limit',
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Metered monthly\s+│ template:Metered\s+│ month\s+│ 0 tokens\s+│ 200 tokens\s+│ 0\.0%\s+│ 50,100\s+│ yes/);
    const budgetId = UUID.exec(created.stdout)?.[0] ?? '';

    const template = (await t.call('GET', '/v1/templates/Metered')).body;
    await insertFinishedExecution(t.db.orm, { templateId: template.id, provider: 'mock', promptTokens: 100, completionTokens: 20 });
    expect((await t.services.alertEvaluator.evaluateOnce()).fired).toHaveLength(1);

    const [open, noChange, both] = await Promise.all([
      promptops('alerts', '--unacknowledged', '--json'),
      promptops('budgets', 'update', budgetId),
      promptops('budgets', 'create', '--name', 'x', '--amount', '1', '--template', 'a', '--provider', 'b'),
    ]);
    expect(open.code, open.stderr).toBe(0);
    const alerts = JSON.parse(open.stdout).items;
    expect(alerts.map((alert: { budget_id: string; threshold: number }) => [alert.budget_id, alert.threshold])).toEqual([[budgetId, 50]]);
    expect([noChange.code, noChange.stderr]).toEqual([2, 'error: nothing to change: give --amount, --thresholds, --hard-limit or --no-hard-limit\n']);
    expect([both.code, both.stderr]).toEqual([2, 'error: a budget watches a template or a provider, not both\n']);

    const [acked, unknown, raised] = await Promise.all([
      promptops('ack', alerts[0].id),
      promptops('ack', '00000000-0000-4000-8000-000000000000'),
      promptops('budgets', 'update', budgetId, '--amount', '1000', '--no-hard-limit'),
    ]);
    expect(acked.code, acked.stderr).toBe(0);
    expect(acked.stdout).toMatch(new RegExp(`^acknowledged alert ${alerts[0].id} at \\d{4}-`));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/not found \(404 not_found\)/);
    expect(raised.code, raised.stderr).toBe(0);
    expect(raised.stdout).toMatch(/120 tokens\s+│ 1000 tokens\s+│ 12\.0%\s+│ 50,100\s+│ no/);

    const listed = await promptops('alerts', '--unacknowledged');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^0 alert\(s\)$/m);
  }, 180_000);
});

describe('promptops alert-rules and webhooks', () => {
  it('manages alert rules, adds a webhook whose test ping the receiver verifies, and shows its delivery log', async () => {
    const [rule, missingMetric] = await Promise.all([
      promptops('alert-rules', 'create', '--name', 'Failing', '--metric', 'failure_rate', '--above', '20%', '--window', '30'),
      promptops('alert-rules', 'create', '--name', 'Failing', '--above', '20'),
    ]);
    expect(rule.code, rule.stderr).toBe(0);
    expect(rule.stdout).toMatch(/Failing\s+│ global\s+│ failure_rate\s+│ 20\.0%\s+│ 30 min\s+│ 10\s+│ yes/);
    expect((await t.call('GET', '/v1/alert-rules')).body.items).toMatchObject([{ name: 'Failing', threshold: 0.2, window_minutes: 30 }]);
    expect(missingMetric.code).toBe(2);
    expect(missingMetric.stderr).toMatch(/--metric/);
    const deleted = await promptops('alert-rules', 'delete', UUID.exec(rule.stdout)?.[0] ?? '');
    expect(deleted.code, deleted.stderr).toBe(0);
    expect((await t.call('GET', '/v1/alert-rules')).body.items).toEqual([]);

    const webhook = await promptops('webhooks', 'create', receiver.url, '--description', 'on-call');
    expect(webhook.code, webhook.stderr).toBe(0);
    const webhookId = /^created webhook (\S+)$/m.exec(webhook.stdout)?.[1] ?? '';
    const secret = /signing secret \(shown once, store it now\): (whsec_\S+)$/m.exec(webhook.stdout)?.[1] ?? '';
    expect(webhookId).toMatch(UUID);

    const ping = await promptops('webhooks', 'test', webhookId);
    expect(ping.code, ping.stderr).toBe(0);
    expect(ping.stdout).toMatch(/^delivered: 200 in \d+ ms$/m);
    const [received, ...more] = receiver.received;
    expect(more).toEqual([]);
    expect(received?.body).toMatchObject({ type: 'ping', webhook_id: webhookId });
    expect(received && receiver.verify(received, secret)).toBe(true);

    receiver.answerWith(410);
    const [refused, deliveries] = await Promise.all([promptops('webhooks', 'test', webhookId), promptops('webhooks', 'deliveries', webhookId)]);
    // A ping the receiver refused is a failed operation, for scripts that check their receiver.
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^failed: 410 in \d+ ms$/m);
    expect(deliveries.code, deliveries.stderr).toBe(0);
    expect(deliveries.stdout).toMatch(/│ test\s+│ 1\s+│ delivered\s+│ 200\s+│/);
  }, 180_000);
});
