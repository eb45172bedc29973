import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api-as';
import { launchBrowser, openConsole, signIn } from './support/browser';
import { type ConsoleServer, startConsoleServer } from './support/console-server';

const TEMPLATE = 'Ticket Triage';
const OUTPUT_SCHEMA = {
  type: 'object',
  properties: { severity: { enum: ['low', 'high'] }, summary: { type: 'string', minLength: 1 } },
  required: ['severity', 'summary'],
  additionalProperties: false,
};

let server: ConsoleServer;
let browser: Browser;
let adminKey: string;
let api: ReturnType<typeof apiAs>;
let templateId: string;

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchBrowser();
  adminKey = await server.createKey('e2e admin', ['admin']);
  api = apiAs(server, adminKey);
  // On the `fake` provider, whose answers each test scripts; one re-ask after an invalid answer.
  const created = await api('POST', '/v1/templates', {
    name: TEMPLATE,
    provider: 'fake',
    model: 'gpt-4o-mini',
    max_validation_retries: 1,
    system_prompt: 'You triage support tickets.',
    user_prompt_template: 'Triage this ticket: {{ ticket }}',
    input_schema: { type: 'object', properties: { ticket: { type: 'string' } }, required: ['ticket'], additionalProperties: false },
    output_schema: OUTPUT_SCHEMA,
  });
  expect(created.status).toBe(201);
  templateId = created.body.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Submits an execution of the template over the API and waits for its terminal record. */
async function executeTemplate(ticket: string) {
  return server.pipeline.execute({ template_id: templateId, context: { ticket } }, { authorization: `Bearer ${adminKey}` });
}

describe('executions in the console', () => {
  it("runs a template from the editor's playground, follows it live, then opens the execution", async () => {
    server.pipeline.fake.enqueue({
      type: 'json',
      value: { severity: 'high', summary: 'Checkout is down for everyone' },
      usage: { prompt_tokens: 1200, completion_tokens: 300 },
      // Long enough for the page to show the run before its result.
      latencyMs: 400,
    });
    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await signIn(page, adminKey, `/templates/${encodeURIComponent(TEMPLATE)}/edit`);

    // The input schema makes the playground a form with one field per property.
    await page.getByLabel('ticket', { exact: true }).fill('Checkout returns 500 since 9:00');
    await page.getByRole('region', { name: 'Rendered user prompt' }).getByText('Triage this ticket: Checkout returns 500 since 9:00').waitFor();
    await page.getByRole('button', { name: 'Run v1', exact: true }).click();

    const result = page.getByRole('region', { name: 'Run result' });
    await result.getByLabel('Status succeeded').waitFor();
    const executionHref = await result.getByRole('link', { name: 'Open execution' }).getAttribute('href');
    const executionId = executionHref?.split('/').pop() ?? '';
    const stored = (await api('GET', `/v1/executions/${executionId}`)).body;
    expect(stored).toMatchObject({
      status: 'succeeded',
      template_id: templateId,
      prompt_tokens: 1200,
      completion_tokens: 300,
      input_context: { ticket: 'Checkout returns 500 since 9:00' },
    });
    expect(stored.cost_usd).toBeGreaterThan(0);

    // What the page shows is what the server recorded.
    await result.getByText('1,200 + 300 = 1,500').waitFor();
    await result.getByText(`$${stored.cost_usd.toPrecision(2)}`).waitFor();
    await result.getByText('Valid against the output schema').waitFor();
    const parsed = await result.getByRole('region', { name: 'Parsed output' }).textContent();
    expect(JSON.parse(parsed?.replace(/^Parsed output/, '') ?? '')).toEqual({ severity: 'high', summary: 'Checkout is down for everyone' });
    // The worker sent the prompt rendered from the typed context to the provider.
    const sent = server.pipeline.fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages.find((message) => message.role === 'user')?.content).toBe('Triage this ticket: Checkout returns 500 since 9:00');

    await result.getByRole('link', { name: 'Open execution' }).click();
    await page.waitForURL(`**/executions/${executionId}`);
    await page.getByRole('heading', { level: 1 }).getByText('succeeded').waitFor();
    await page.getByRole('region', { name: 'System prompt' }).getByText('You triage support tickets.').waitFor();
    await page.getByRole('region', { name: 'User prompt' }).getByText('Triage this ticket: Checkout returns 500 since 9:00').waitFor();
    await page.getByText('1 attempt: 1 succeeded').waitFor();
    await page.getByText('Attempt 1', { exact: true }).waitFor();
    await page.getByText('1,200 prompt · 300 completion tokens').first().waitFor();
    await page.getByRole('link', { name: `${TEMPLATE} v1` }).waitFor();
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('filters the list down to failed executions, shows the attempts that failed, and re-runs one', async () => {
    // Both attempts of the failing run answer outside the schema; the re-run later gets the fake's default, a valid answer.
    const invalid = { type: 'json' as const, value: { severity: 'urgent' } };
    server.pipeline.fake.enqueue(invalid, invalid);
    const failed = await executeTemplate('Refunds are stuck');
    expect(failed).toMatchObject({ status: 'failed', failure_kind: 'validation', attempts: 2 });
    const succeeded = await executeTemplate('Typo on the pricing page');
    expect(succeeded.status).toBe('succeeded');

    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await signIn(page, adminKey, '/executions');
    await page.getByRole('link', { name: succeeded.id.slice(0, 8) }).waitFor();
    await page.getByLabel('Status').selectOption('failed');
    await page.waitForURL((url) => url.searchParams.get('status') === 'failed');
    const failedLink = page.getByRole('link', { name: failed.id.slice(0, 8) });
    await failedLink.waitFor();
    await expect.poll(() => page.getByRole('link', { name: succeeded.id.slice(0, 8) }).count()).toBe(0);
    const failedRow = page.getByRole('row').filter({ has: failedLink });
    expect(await failedRow.textContent()).toContain('Invalid output');

    await failedLink.click();
    await page.waitForURL(`**/executions/${failed.id}`);
    const banner = page.getByRole('alert').filter({ hasText: 'Invalid output' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(failed.error_message);
    await page.getByText('2 attempts: 2 invalid output').waitFor();
    // Each attempt's validation errors, as the worker logged them; a missing property is shown at its own path.
    expect(failed.attempt_log).toHaveLength(2);
    type LoggedViolation = { path: string; message: string; keyword?: string; params?: { missingProperty?: string } };
    const shownPath = (violation: LoggedViolation) =>
      violation.keyword === 'required' && violation.params?.missingProperty
        ? `${violation.path === '/' ? '' : violation.path}/${violation.params.missingProperty}`
        : violation.path;
    for (const attempt of failed.attempt_log as { attempt: number; outcome: string; validation_errors: LoggedViolation[] }[]) {
      expect(attempt.outcome).toBe('invalid_output');
      expect(attempt.validation_errors.length).toBeGreaterThan(0);
      const item = page.getByRole('listitem').filter({ hasText: `Attempt ${attempt.attempt}` });
      const shown = await item.textContent();
      expect(shown).toContain('Invalid output');
      for (const violation of attempt.validation_errors) expect(shown).toContain(`${shownPath(violation)} ${violation.message}`);
    }

    await page.getByRole('button', { name: 'Re-run' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/executions/') && !url.pathname.endsWith(failed.id));
    const rerunId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('heading', { level: 1 }).getByText('succeeded').waitFor();
    const rerun = (await api('GET', `/v1/executions/${rerunId}`)).body;
    expect(rerun).toMatchObject({ status: 'succeeded', template_id: templateId, input_context: { ticket: 'Refunds are stuck' } });
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
