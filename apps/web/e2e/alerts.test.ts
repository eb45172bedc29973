import { startWebhookReceiver, type WebhookReceiver } from '@promptops/api/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api-as';
import { ARTIFACTS_DIR, launchBrowser, openConsole, signIn } from './support/browser';
import { type ConsoleServer, startConsoleServer } from './support/console-server';

let server: ConsoleServer;
let browser: Browser;
let receiver: WebhookReceiver;
let adminKey: string;
let readerKey: string;

beforeAll(async () => {
  // The receiver listens on loopback, which only this setting lets webhooks reach.
  server = await startConsoleServer({
    seed: false,
    env: { WEBHOOK_SECRET_KEY: 'ef'.repeat(32), WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', ALERT_EVALUATION_INTERVAL_MS: '500' },
  });
  browser = await launchBrowser();
  receiver = await startWebhookReceiver();
  adminKey = await server.createKey('e2e admin', ['admin']);
  readerKey = await server.createKey('e2e reader', ['read']);
  // 36 tokens a call: three calls cross 50 %, 80 % and 100 % of a 100-token budget.
  server.pipeline.fake.setDefault({ type: 'json', value: { greeting: 'Hello' }, usage: { prompt_tokens: 30, completion_tokens: 6 } });
  const created = await apiAs(server, adminKey)('POST', '/v1/templates', {
    name: 'Greeter',
    user_prompt_template: 'Greet {{ who }}',
    provider: 'fake',
    model: 'gpt-4o-mini',
  });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await server?.close();
});

describe('alerts in the console', () => {
  it('sets a monthly budget and a webhook, and sees the alert in the console and at the webhook when the budget is crossed', async () => {
    const { page, foreignRequests } = await openConsole(browser, server.url);
    await signIn(page, adminKey, '/alerts');
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();

    await page.getByRole('button', { name: 'New budget' }).click();
    const budgetDialog = page.getByRole('dialog', { name: 'Create a budget' });
    await budgetDialog.getByLabel('Name', { exact: true }).fill('Greeter monthly');
    await budgetDialog.getByLabel('Scope', { exact: true }).selectOption('template');
    await budgetDialog.getByLabel('Template name', { exact: true }).fill('Greeter');
    await budgetDialog.getByLabel('Measured in', { exact: true }).selectOption('tokens');
    await budgetDialog.getByLabel('Amount', { exact: true }).fill('100');
    await budgetDialog.getByRole('button', { name: 'Create budget' }).click();
    await budgetDialog.waitFor({ state: 'detached' });
    const card = page.getByTestId('budget-card').filter({ hasText: 'Greeter monthly' });
    await card.getByText('0 tokens of 100 tokens').waitFor();

    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const webhookDialog = page.getByRole('dialog', { name: 'Add a webhook' });
    await webhookDialog.getByLabel('URL', { exact: true }).fill(receiver.url);
    await webhookDialog.getByLabel('Description', { exact: true }).fill('on-call receiver');
    await webhookDialog.getByRole('button', { name: 'Add webhook' }).click();
    const secret = await page.getByRole('dialog', { name: 'Webhook added' }).getByLabel('Signing secret', { exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.screenshot({ path: `${ARTIFACTS_DIR}alerts-webhook-secret.png` });
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Send test' }).click();
    await page.getByTestId('delivery-row').filter({ hasText: 'test' }).getByRole('cell', { name: '200', exact: true }).waitFor();

    const api = apiAs(server, adminKey);
    for (const who of ['Ada', 'Alan', 'Grace']) {
      const done = await api('POST', '/v1/executions?wait=20', { template: 'Greeter', context: { who } });
      expect(done.body.status).toBe('succeeded');
    }

    await page.getByRole('tab', { name: /^Alerts/ }).click();
    const reached = page.getByTestId('alert-row').filter({ hasText: 'reached 100%' });
    await reached.waitFor();
    expect(await page.getByTestId('alert-row').count()).toBe(3);
    await page.getByTestId('alerts-nav-badge').getByText('3').waitFor();
    await page.screenshot({ path: `${ARTIFACTS_DIR}alerts-list.png`, fullPage: true });

    await expect.poll(() => receiver.received.filter((request) => request.body.type === 'alert').length, { timeout: 20_000 }).toBe(3);
    const alerts = receiver.received.filter((request) => request.body.type === 'alert');
    expect(alerts.map((request) => request.body.alert.threshold).sort((a: number, b: number) => a - b)).toEqual([50, 80, 100]);
    for (const request of alerts) expect(receiver.verify(request, secret)).toBe(true);

    await reached.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByTestId('alerts-nav-badge').getByText('2').waitFor();

    await page.getByRole('tab', { name: 'Budgets' }).click();
    await card.getByText('108 tokens of 100 tokens').waitFor();
    await page.screenshot({ path: `${ARTIFACTS_DIR}alerts-budgets.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.getByTestId('delivery-row').nth(3).waitFor();
    await page.screenshot({ path: `${ARTIFACTS_DIR}alerts-webhooks.png`, fullPage: true });
    expect(foreignRequests).toEqual([]);
  });

  it('shows a read-only key the budgets and alerts without any write action', async () => {
    const { page } = await openConsole(browser, server.url);
    await signIn(page, readerKey, '/alerts');
    await page.getByTestId('budget-card').first().waitFor();
    expect(await page.getByRole('button', { name: /New budget|Edit|Delete/ }).count()).toBe(0);
    await page.getByRole('tab', { name: /^Alerts/ }).click();
    await page.getByTestId('alert-row').first().waitFor();
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Webhooks' }).click();
    await page.getByTestId('webhook-card').waitFor();
    expect(await page.getByRole('button', { name: /Add webhook|Send test|Delete/ }).count()).toBe(0);
  });

  it('creates an alert rule from the form, shows a refused one its error, and pauses and resumes it', async () => {
    const { page } = await openConsole(browser, server.url);
    await signIn(page, adminKey, '/alerts');
    await page.getByRole('tab', { name: 'Alert rules' }).click();
    await page.getByRole('button', { name: 'New rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an alert rule' });
    await dialog.getByLabel('Name', { exact: true }).fill('Greeter failures');
    await dialog.getByLabel('Scope', { exact: true }).selectOption('template');
    await dialog.getByLabel('Template or provider', { exact: true }).fill('Greeter');
    await dialog.getByLabel('Above (%)', { exact: true }).fill('25');
    await dialog.getByLabel('Window (minutes)', { exact: true }).fill('0');
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    await dialog.getByText('The rule was not created').waitFor();
    await dialog.getByLabel('Window (minutes)', { exact: true }).fill('30');
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    await dialog.waitFor({ state: 'detached' });

    const rule = page.getByRole('list', { name: 'Alert rules' }).getByRole('listitem').filter({ hasText: 'Greeter failures' });
    await rule.getByText('Template Greeter: more than 25.0% failed over 30 min').waitFor();
    const stored = (await apiAs(server, adminKey)('GET', '/v1/alert-rules')).body.items;
    expect(stored).toMatchObject([
      { name: 'Greeter failures', metric: 'failure_rate', threshold: 0.25, window_minutes: 30, scope: { kind: 'template', value: 'Greeter' }, enabled: true },
    ]);

    await rule.getByRole('button', { name: 'Pause Greeter failures' }).click();
    await rule.getByText('paused', { exact: true }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS_DIR}alerts-rules.png`, fullPage: true });
    await rule.getByRole('button', { name: 'Resume Greeter failures' }).click();
    await rule.getByRole('button', { name: 'Pause Greeter failures' }).waitFor();
    expect((await apiAs(server, adminKey)('GET', '/v1/alert-rules')).body.items[0].enabled).toBe(true);
  });
});
