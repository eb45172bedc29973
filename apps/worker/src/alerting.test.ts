import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { insertFinishedExecution, startWebhookReceiver, type WebhookReceiver } from '@promptops/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_WORKER, startTestPipeline, type TestPipeline } from './testing/start-test-pipeline';
import { until } from './testing/until';

/** Tokens the fake provider reports for every call. */
const TOKENS_PER_CALL = 36;

let p: TestPipeline;
let receiver: WebhookReceiver;
const WEBHOOK_ENV = { WEBHOOK_SECRET_KEY: 'cd'.repeat(32), WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' };
const children: ChildProcess[] = [];

const alertsOf = async (subjectId: string) =>
  p.db.orm.em
    .getConnection()
    .execute<{ threshold: number; period_start: Date }[]>('select threshold, period_start from alerts where subject_id = ? order by period_start, threshold', [
      subjectId,
    ]);

beforeAll(async () => {
  p = await startTestPipeline(WEBHOOK_ENV, { worker: false });
  p.fake.setDefault({ type: 'json', value: { greeting: 'hello' }, usage: { prompt_tokens: 30, completion_tokens: 6 } });
  receiver = await startWebhookReceiver();
  for (const name of ['Raced', 'Delivered', 'Crowded']) {
    const created = await p.call('POST', '/v1/templates', { name, user_prompt_template: 'Greet {{ who }}', provider: 'fake', model: 'gpt-4o-mini' });
    expect(created.status).toBe(201);
  }
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await receiver?.close();
  await p?.close();
});

describe('budget alerts', () => {
  it('fires each crossed threshold exactly once per period while four evaluators race', async () => {
    p.startWorker({ ...FAST_WORKER, alertEvaluationIntervalMs: 0 });
    for (const who of ['Ada', 'Alan']) expect((await p.execute({ template: 'Raced', context: { who } })).status).toBe('succeeded');
    await p.stopWorker();
    // 72 of 84.7 tokens: 85 %, past 50 and 80, short of 100.
    const budget = await p.call('POST', '/v1/budgets', {
      name: 'Raced',
      scope: { kind: 'template', value: 'Raced' },
      period: 'month',
      metric: 'tokens',
      amount: (2 * TOKENS_PER_CALL) / 0.85,
    });
    expect(budget.body.current.spent).toBe(2 * TOKENS_PER_CALL);

    const race = () => Promise.all(Array.from({ length: 4 }, () => p.services.alertEvaluator.evaluateOnce()));
    const first = await race();
    expect(first.flatMap((report) => report.fired)).toHaveLength(2);
    expect((await alertsOf(budget.body.id)).map((alert) => alert.threshold)).toEqual([50, 80]);
    expect((await race()).flatMap((report) => report.fired)).toEqual([]);

    // The next UTC month is a new period: spend there fires the thresholds again, once.
    const now = new Date();
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1, 1));
    const template = (await p.call('GET', '/v1/templates/Raced')).body;
    await insertFinishedExecution(p.db.orm, { templateId: template.id, provider: 'fake', promptTokens: 50, completionTokens: 0, finishedAt: nextMonth });
    const later = new Date(nextMonth.getTime() + 3600_000);
    const again = await Promise.all(Array.from({ length: 4 }, () => p.services.alertEvaluator.evaluateOnce(later)));
    expect(again.flatMap((report) => report.fired)).toHaveLength(1);
    const alerts = await alertsOf(budget.body.id);
    expect(alerts.map((alert) => [new Date(alert.period_start).toISOString(), alert.threshold])).toEqual([
      [new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(), 50],
      [new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString(), 80],
      [new Date(Date.UTC(nextMonth.getUTCFullYear(), nextMonth.getUTCMonth(), 1)).toISOString(), 50],
    ]);
    await p.call('DELETE', `/v1/budgets/${budget.body.id}`);
  });

  it('delivers a new alert to the webhook, signed, retrying a 500 until the receiver takes it', async () => {
    const webhook = await p.call('POST', '/v1/webhooks', { url: receiver.url, description: 'test receiver' });
    expect(webhook.status).toBe(201);
    const budget = await p.call('POST', '/v1/budgets', {
      name: 'Delivered monthly',
      scope: { kind: 'template', value: 'Delivered' },
      period: 'month',
      metric: 'tokens',
      amount: 50,
      thresholds: [50],
    });
    receiver.answerWith(500);
    // The worker evaluates soon after the execution finishes; no periodic pass is needed.
    p.startWorker({ ...FAST_WORKER, alertEvaluationIntervalMs: 0 });
    expect((await p.execute({ template: 'Delivered', context: { who: 'Grace' } })).status).toBe('succeeded');
    await until(async () => receiver.received.length >= 2, 20_000, 'the retried delivery');

    const [failed, retried] = receiver.received;
    for (const request of [failed, retried]) {
      expect(request?.body).toMatchObject({
        type: 'alert',
        webhook_id: webhook.body.id,
        alert: { kind: 'budget', budget_id: budget.body.id, threshold: 50, observed: TOKENS_PER_CALL },
      });
      expect(request && receiver.verify(request, webhook.body.secret)).toBe(true);
    }
    expect(retried?.body.id).toBe(failed?.body.id);
    // Only the alert that fired after the webhook existed was sent.
    expect(receiver.received).toHaveLength(2);

    await until(async () => (await p.call('GET', `/v1/webhooks/${webhook.body.id}/deliveries`)).body.total === 2, 5000, 'both attempts logged');
    const deliveries = (await p.call('GET', `/v1/webhooks/${webhook.body.id}/deliveries`)).body.items;
    expect(deliveries.map((row: { attempt: number; outcome: string; status_code: number }) => [row.attempt, row.outcome, row.status_code])).toEqual([
      [2, 'delivered', 200],
      [1, 'retrying', 500],
    ]);

    const alerts = await p.call('GET', `/v1/alerts?budget_id=${budget.body.id}`);
    expect(alerts.body.items).toHaveLength(1);
    const metrics = (await p.app.request('/metrics')).text();
    const text = await metrics;
    expect(text).toContain('promptops_budget_ratio{budget="Delivered monthly"} 0.72');
    expect(text).toContain(`promptops_budget_spent{budget="Delivered monthly",metric="tokens"} ${TOKENS_PER_CALL}`);
    expect(text).toMatch(/promptops_alerts_fired_total\{kind="budget"\} [1-9]/);
    // Read from the table: the three alerts of the first test (their budget deleted) and this one.
    expect(text).toContain('promptops_alerts_unacknowledged{kind="budget"} 4');
    expect(text).toContain('promptops_alerts_unacknowledged{kind="failure_rate"} 0');
    expect(text).toContain('promptops_webhook_deliveries_total{outcome="retrying"} 1');
    expect(text).toContain('promptops_webhook_deliveries_total{outcome="delivered"} 1');
  });

  it('fires each threshold once and delivers each alert once while three worker processes finish executions and evaluate', async () => {
    const crowded = await startWebhookReceiver();
    try {
      const webhook = await p.call('POST', '/v1/webhooks', { url: crowded.url });
      // Eight of the twelve calls spend the amount: every threshold is crossed while the workers are busy.
      const budget = await p.call('POST', '/v1/budgets', {
        name: 'Crowded',
        scope: { kind: 'template', value: 'Crowded' },
        period: 'month',
        metric: 'tokens',
        amount: 8 * TOKENS_PER_CALL,
        thresholds: [25, 50, 75, 100],
      });
      // Two more worker processes over the same database and queues, evaluating every 100 ms besides after each job.
      const env = {
        ...process.env,
        ...WEBHOOK_ENV,
        DATABASE_URL: p.db.databaseUrl,
        QUEUE_PREFIX: p.config.queuePrefix,
        LOG_LEVEL: 'silent',
        ALERT_EVALUATION_INTERVAL_MS: '100',
        LLM_PROVIDERS: JSON.stringify([{ name: 'fake', base_url: p.fake.url, supports_json_schema: true, default_model: 'gpt-4o-mini' }]),
      };
      const workerProcess = fileURLToPath(new URL('./testing/worker-process.ts', import.meta.url));
      children.push(...[1, 2].map(() => spawn(process.execPath, ['--import', 'tsx', workerProcess], { env, stdio: ['ignore', 'pipe', 'inherit'] })));
      // Each prints "ready" once it takes jobs; one that dies first fails the test instead of hanging it.
      await Promise.all(
        children.map((child) =>
          Promise.race([
            child.stdout ? once(child.stdout, 'data') : Promise.reject(new Error('no stdout')),
            once(child, 'exit').then(([code]) => Promise.reject(new Error(`a worker process exited with ${code} before it was ready`))),
          ]),
        ),
      );
      p.startWorker({ ...FAST_WORKER, alertEvaluationIntervalMs: 100 });
      const submitted = await Promise.all(
        Array.from({ length: 12 }, (_, i) => p.call('POST', '/v1/executions', { template: 'Crowded', context: { who: `guest ${i}` } })),
      );
      expect(submitted.map((response) => response.status)).toEqual(Array(12).fill(202));
      const succeeded = async () => (await p.call('GET', '/v1/executions?template=Crowded&status=succeeded&limit=1')).body.total;
      // At least eight, whatever a provider time-out on this busy machine does to the others.
      await until(async () => (await succeeded()) >= 8, 120_000, 'eight executions to succeed');

      const delivered = async () =>
        Number(
          (
            await p.db.orm.em
              .fork()
              .getConnection()
              .execute<{ n: string }[]>(`select count(*) as n from webhook_deliveries where webhook_id = ? and outcome = 'delivered'`, [webhook.body.id])
          )[0]?.n,
        ) === 4;
      await until(delivered, 60_000, 'the four alerts delivered');
      // Every worker stopped, nothing more can arrive: what was received is all there will be.
      for (const child of children.splice(0)) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
      await p.stopWorker();

      expect((await alertsOf(budget.body.id)).map((alert) => alert.threshold)).toEqual([25, 50, 75, 100]);
      const received = crowded.received.filter((request) => request.body.alert?.budget_id === budget.body.id);
      expect(received.map((request) => request.body.alert.threshold).sort((a: number, b: number) => a - b)).toEqual([25, 50, 75, 100]);
      for (const request of received) expect(crowded.verify(request, webhook.body.secret)).toBe(true);
      const attempts = await p.call('GET', `/v1/webhooks/${webhook.body.id}/deliveries`);
      expect(attempts.body.total).toBe(4);
    } finally {
      await crowded.close();
    }
  }, 300_000);
});
