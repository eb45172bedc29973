import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api-as';
import { ARTIFACTS_DIR, launchBrowser, openConsole, signIn } from './support/browser';
import { type ConsoleServer, startConsoleServer } from './support/console-server';

const TEMPLATE = 'Invoice Reader';

let server: ConsoleServer;
let browser: Browser;
let adminKey: string;
let api: ReturnType<typeof apiAs>;
const finished: { status: string; cost_usd: number | null; template_id: string; prompt_tokens: number; completion_tokens: number }[] = [];

/** Runs one execution of a version through the real pipeline (API, queue, worker, fake provider) and keeps its record. */
async function execute(templateId: string, invoice: string) {
  const record = await server.pipeline.execute({ template_id: templateId, context: { invoice } }, { authorization: `Bearer ${adminKey}` });
  expect(['succeeded', 'failed']).toContain(record.status);
  finished.push(record);
  return record;
}

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchBrowser();
  adminKey = await server.createKey('e2e admin', ['admin']);
  api = apiAs(server, adminKey);
  const v1 = await api('POST', '/v1/templates', {
    name: TEMPLATE,
    provider: 'fake',
    model: 'gpt-4o-mini',
    max_validation_retries: 0,
    system_prompt: 'You read invoices.',
    user_prompt_template: 'Total of: {{ invoice }}',
    output_schema: { type: 'object', properties: { total: { type: 'number' } }, required: ['total'] },
  });
  expect(v1.status).toBe(201);
  const v2 = await api('POST', `/v1/templates/${encodeURIComponent(`${TEMPLATE}@1`)}/versions`, { temperature: 0.1 });
  expect(v2.status).toBe(201);

  // Version 1: two answers and one refusal by the provider (a 400 fails at once); version 2: one answer.
  const { fake } = server.pipeline;
  fake.enqueue({ type: 'json', value: { total: 12.5 }, usage: { prompt_tokens: 1000, completion_tokens: 200 } });
  await execute(v1.body.id, 'A-1');
  fake.enqueue({ type: 'json', value: { total: 99 }, usage: { prompt_tokens: 3000, completion_tokens: 500 } });
  await execute(v1.body.id, 'A-2');
  fake.enqueue({ type: 'status', status: 400 });
  await execute(v1.body.id, 'A-3');
  fake.enqueue({ type: 'json', value: { total: 7 }, usage: { prompt_tokens: 800, completion_tokens: 100 } });
  await execute(v2.body.id, 'B-1');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const costOf = (rows: typeof finished) => rows.reduce((sum, row) => sum + (row.cost_usd ?? 0), 0);
/** As the console writes a cost (lib/format.ts). */
const shownCost = (usd: number) => (usd === 0 ? '$0' : usd < 0.01 ? `$${usd.toPrecision(2)}` : `$${usd.toFixed(usd < 1 ? 4 : 2)}`);

describe('analytics in the console', () => {
  it('shows executions that ran through the pipeline on the dashboard, and on the template page per version', async () => {
    const statuses = finished.map((row) => row.status).sort();
    expect(statuses).toEqual(['failed', 'succeeded', 'succeeded', 'succeeded']);
    const totalCost = costOf(finished);
    expect(totalCost).toBeGreaterThan(0);

    const { page, foreignRequests } = await openConsole(browser, server.url);
    await signIn(page, adminKey, '/dashboard');
    const sections = page.getByRole('navigation', { name: 'Sections' });
    expect((await sections.getByRole('link').first().textContent())?.trim()).toBe('Dashboard');

    const kpis = page.getByLabel('Totals for the range');
    await kpis.waitFor();
    await kpis.getByText('3 succeeded').waitFor();
    expect(await kpis.textContent()).toContain('Executions4');
    expect(await kpis.textContent()).toContain('75.0%');
    expect(await kpis.textContent()).toContain(`Cost${shownCost(totalCost)}`);
    // The charts load lazily and draw the series.
    await page.getByText('Executions by status').waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();

    const topByCost = page.locator('div.rounded-lg', { has: page.getByRole('heading', { name: 'Top templates by cost' }) });
    await topByCost.getByRole('link', { name: TEMPLATE }).waitFor();
    expect(await topByCost.textContent()).toContain(shownCost(totalCost));
    const topByFailures = page.locator('div.rounded-lg', { has: page.getByRole('heading', { name: 'Top templates by failures' }) });
    await topByFailures.getByRole('link', { name: TEMPLATE }).waitFor();

    // A provider filter with nothing in it explains itself.
    await page.getByLabel('Provider').selectOption('mock');
    await page.getByText('No executions ended in this range').waitFor();
    await page.getByText('Nothing matches these filters here.').waitFor();
    await page.getByLabel('Provider').selectOption('fake');
    await kpis.getByText('3 succeeded').waitFor();

    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS_DIR}dashboard.png`, fullPage: true });

    // From the ranking to the template's Analytics tab.
    await topByCost.getByRole('link', { name: TEMPLATE }).click();
    await page.waitForURL(/\/templates\/Invoice%20Reader\?tab=analytics/);
    await page.getByRole('tab', { name: 'Analytics', selected: true }).waitFor();
    const comparison = page.getByRole('table', { name: 'Versions compared' });
    await comparison.waitFor();
    const rows = comparison.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const tokens = (rows: typeof finished) => rows.reduce((sum, row) => sum + row.prompt_tokens + row.completion_tokens, 0).toLocaleString('en-US');
    const [v1, v2] = [finished.slice(0, 3), finished.slice(3)];
    // Version, executions, success rate, failed, tokens, cost: highest version first.
    expect((await rows.nth(0).locator('td').allTextContents()).slice(0, 6)).toEqual(['v2', '1', '100.0%', '0', tokens(v2), shownCost(costOf(v2))]);
    expect((await rows.nth(1).locator('td').allTextContents()).slice(0, 6)).toEqual(['v1', '3', '66.7%', '1', tokens(v1), shownCost(costOf(v1))]);
    await page.locator('.recharts-line-dot').first().waitFor();
    await page.screenshot({ path: `${ARTIFACTS_DIR}template-analytics.png`, fullPage: true });

    // One version alone.
    await page.getByRole('tabpanel', { name: 'Analytics' }).getByLabel('Version', { exact: true }).selectOption('2');
    await page.getByLabel('Totals for the range').getByText('1 succeeded').waitFor();
    expect(await comparison.count()).toBe(0);
    expect(foreignRequests).toEqual([]);
  }, 120_000);
});
