import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api-as';
import { launchBrowser, openConsole, signIn } from './support/browser';
import { fillCodeEditor } from './support/code-editor';
import { type ConsoleServer, startConsoleServer } from './support/console-server';

let server: ConsoleServer;
let browser: Browser;
let adminKey: string;
let api: ReturnType<typeof apiAs>;

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchBrowser();
  adminKey = await server.createKey('e2e admin', ['admin']);
  api = apiAs(server, adminKey);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const templatePath = (name: string) => `/templates/${encodeURIComponent(name)}`;
const apiPath = (name: string) => `/v1/templates/${encodeURIComponent(name)}`;
/** Whether the page is at `path`, however the router chose to encode it. */
const atPath = (path: string) => (url: URL) => decodeURIComponent(url.pathname) === decodeURIComponent(path);

/** A template made over the API, for the tests that start from an existing one. */
async function createTemplate(body: Record<string, unknown>) {
  const created = await api('POST', '/v1/templates', body);
  expect(created.status).toBe(201);
  return created.body;
}

/** The rows of a table that list something (the header row has no link). */
const bodyRows = (table: ReturnType<Page['getByRole']>) => table.getByRole('row').filter({ has: table.page().getByRole('link') });

/** A side-by-side diff line as the page prints it: `- old` on the left, `+ new` on the right. */
const diffCell = (scope: ReturnType<Page['getByRole']>, sign: '-' | '+', text: string) => scope.getByRole('cell', { name: `${sign} ${text}`, exact: true });

describe('the template editor', () => {
  it('creates a template with a live preview, shows a syntax error where it is, and saves once fixed', async () => {
    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await signIn(page, adminKey, '/templates/new');
    await page.getByRole('heading', { level: 1, name: 'New template' }).waitFor();

    await page.getByLabel('Name', { exact: true }).fill('Welcome Email');
    await fillCodeEditor(page, 'System prompt', 'You write warm, short emails.');
    const prompt = 'Write a welcome email to {{ customer }}.\nMention {{ product | upper }} once.';
    await fillCodeEditor(page, 'User prompt template', prompt);
    await fillCodeEditor(page, 'Context JSON', '{"customer": "Ada", "product": "PromptOps"}');
    const renderedUser = page.getByRole('region', { name: 'Rendered user prompt' });
    await renderedUser.getByText('Write a welcome email to Ada. Mention PROMPTOPS once.').waitFor();
    await page.getByRole('list', { name: 'Variables' }).getByText('customer').waitFor();

    const outputSchema = {
      type: 'object',
      properties: { subject: { type: 'string' }, body: { type: 'string' } },
      required: ['subject', 'body'],
      additionalProperties: false,
    };
    await page.getByRole('button', { name: /^Schemas/ }).click();
    await fillCodeEditor(page, 'Output schema', JSON.stringify(outputSchema, null, 2));

    // A filter with no name on line 2: the preview says where, and the editor marks that line.
    const userEditor = page.getByRole('textbox', { name: 'User prompt template', exact: true });
    await fillCodeEditor(page, 'User prompt template', 'Write a welcome email to {{ customer }}.\nMention {{ product | }} once.');
    const problem = page.getByRole('alert', { name: 'Preview error' });
    await problem.getByText('The user prompt template does not render').waitFor();
    expect(await problem.textContent()).toMatch(/syntax error at line 2, column \d+/);
    // CodeMirror gives its error marks no role; its lint class is the only handle.
    const marker = userEditor.locator('.cm-lintRange-error').first();
    await marker.waitFor();
    expect(await marker.evaluate((element) => element.closest('.cm-line')?.textContent)).toBe('Mention {{ product | }} once.');
    await page.getByText('Showing the last successful render.').waitFor();

    const fixed = 'Write a welcome email to {{ customer }}.\nMention {{ product | upper }} {% if vip is defined %}twice{% else %}once{% endif %}, no more.';
    await fillCodeEditor(page, 'User prompt template', fixed);
    await problem.waitFor({ state: 'detached' });
    await renderedUser.getByText('Write a welcome email to Ada. Mention PROMPTOPS once, no more.').waitFor();
    expect(await userEditor.locator('.cm-lintRange-error').count()).toBe(0);

    await page.getByRole('button', { name: 'Create template' }).click();
    await page.waitForURL(atPath(templatePath('Welcome Email')));
    await page.getByRole('heading', { level: 1, name: 'Welcome Email' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Created Welcome Email' }).waitFor();

    const saved = await api('GET', apiPath('Welcome Email'));
    expect(saved.body).toMatchObject({
      version_number: 1,
      is_active: true,
      system_prompt: 'You write warm, short emails.',
      user_prompt_template: fixed,
      output_schema: outputSchema,
    });
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('saves an edit as v2 after showing its diff, compares v1 with v2, and rolls back to v1', async () => {
    const name = 'Order Update';
    const firstLine = 'Tell {{ customer }} that order {{ order_id }} has shipped.';
    const oldLine = 'Keep it under 50 words.';
    const newLine = 'Keep it under 30 words and add the tracking link.';
    await createTemplate({ name, user_prompt_template: `${firstLine}\n${oldLine}` });

    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await signIn(page, adminKey, templatePath(name));
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Edit ${name}` }).waitFor();
    const userEditor = page.getByRole('textbox', { name: 'User prompt template', exact: true });
    await expect.poll(() => userEditor.textContent()).toContain(oldLine);
    await fillCodeEditor(page, 'User prompt template', `${firstLine}\n${newLine}`);
    await page.getByText('Unsaved changes').waitFor();

    await page.getByRole('button', { name: 'Save as new version' }).click();
    const dialog = page.getByRole('dialog', { name: `Save ${name} as a new version` });
    const promptDiff = dialog.getByRole('region', { name: 'User prompt template' });
    await diffCell(promptDiff, '-', oldLine).waitFor();
    await diffCell(promptDiff, '+', newLine).waitFor();
    // The unchanged first line is on both sides, unmarked.
    expect(await promptDiff.getByRole('cell', { name: firstLine, exact: true }).count()).toBe(2);
    await dialog.getByRole('button', { name: 'Save new version' }).click();

    await page.waitForURL((url) => atPath(templatePath(name))(url) && url.searchParams.get('version') === '2');
    await page
      .getByRole('status')
      .filter({ hasText: `Saved ${name} v2` })
      .waitFor();
    const afterSave = await api('GET', apiPath(name));
    expect(afterSave.body).toMatchObject({ version_number: 2, parent_version: 1, user_prompt_template: `${firstLine}\n${newLine}` });

    await page.getByRole('tab', { name: 'Diff' }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'diff');
    expect(await page.getByLabel('Base (old)').inputValue()).toBe('1');
    expect(await page.getByLabel('Target (new)').inputValue()).toBe('2');
    const tabDiff = page.getByRole('tabpanel').getByRole('region', { name: 'User prompt template' });
    await diffCell(tabDiff, '-', oldLine).waitFor();
    await diffCell(tabDiff, '+', newLine).waitFor();
    await page.getByText('No setting changed.').waitFor();

    await page.getByRole('tab', { name: 'Versions' }).click();
    const v1 = page.getByRole('row', { name: 'v1', exact: true });
    await v1.getByRole('button', { name: 'Rollback' }).click();
    await page
      .getByRole('alertdialog', { name: `Roll back “${name}” to v1?` })
      .getByRole('button', { name: 'Roll back' })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: `Rolled back: ${name} now resolves to v1` })
      .waitFor();
    await v1.getByText('resolved', { exact: true }).waitFor();
    await page.getByRole('row', { name: 'v2', exact: true }).getByText('inactive', { exact: true }).waitFor();
    const afterRollback = await api('GET', apiPath(name));
    expect(afterRollback.body).toMatchObject({ version_number: 1, is_active: true });

    // Opened by name, the page shows the version the name resolves to; the list agrees.
    await page.goto(templatePath(name));
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.getByLabel('Version', { exact: true }).inputValue()).toBe('1');
    await page.getByTitle('The name resolves to this version: executions by name run it').waitFor();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Templates' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await row.getByText('v1 of 2').waitFor();
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('the templates list', () => {
  it('filters by a search kept in the URL, and duplicates a template from its row', async () => {
    const original = await createTemplate({
      name: 'Invoice Reminder',
      description: 'Nudges a customer about an unpaid invoice',
      user_prompt_template: 'Remind {{ customer }} about invoice {{ invoice }}.',
    });
    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await signIn(page, adminKey, '/templates');
    const templates = page.getByRole('table', { name: 'Templates' });
    // The seeded templates are listed before any search.
    await templates.getByRole('link', { name: 'Chat Assistant', exact: true }).waitFor();

    await page.getByLabel('Search templates').fill('invoice');
    await page.waitForURL((url) => url.searchParams.get('q') === 'invoice');
    await expect.poll(() => templates.getByRole('link', { name: 'Chat Assistant', exact: true }).count()).toBe(0);
    await expect.poll(() => bodyRows(templates).count()).toBe(1);
    await templates.getByRole('link', { name: 'Invoice Reminder', exact: true }).waitFor();
    // The URL alone reproduces the view.
    await page.reload();
    expect(await page.getByLabel('Search templates').inputValue()).toBe('invoice');
    await templates.getByRole('link', { name: 'Invoice Reminder', exact: true }).waitFor();
    expect(await bodyRows(templates).count()).toBe(1);

    await templates.getByRole('button', { name: 'Actions for Invoice Reminder' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Duplicate Invoice Reminder' });
    expect(await dialog.getByLabel('New name').inputValue()).toBe('Invoice Reminder (copy)');
    await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
    await page.waitForURL(atPath(templatePath('Invoice Reminder (copy)')));
    await page.getByRole('heading', { level: 1, name: 'Invoice Reminder (copy)' }).waitFor();

    const copy = await api('GET', apiPath('Invoice Reminder (copy)'));
    expect(copy.status).toBe(200);
    expect(copy.body).toMatchObject({ version_number: 1, user_prompt_template: original.user_prompt_template, description: original.description });
    expect(copy.body.id).not.toBe(original.id);

    await page.goto('/templates?q=invoice');
    await templates.getByRole('link', { name: 'Invoice Reminder (copy)', exact: true }).waitFor();
    expect(await bodyRows(templates).count()).toBe(2);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('categories and tags', () => {
  it('tags a template in the editor (no new version), then filters the list by the tag, kept in the URL', async () => {
    const name = 'Refund Reply';
    await createTemplate({ name, category: 'chat', user_prompt_template: 'Answer {{ customer }} about refund {{ refund_id }}.' });
    await createTemplate({ name: 'Untagged Reply', user_prompt_template: 'Hello {{ customer }}.' });

    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await signIn(page, adminKey, `${templatePath(name)}/edit`);
    await page.getByRole('heading', { level: 1, name: `Edit ${name}` }).waitFor();
    // Any slug is a category; the suggestions are only offered.
    await page.getByLabel('Category', { exact: true }).fill('support-desk');
    const tags = page.getByLabel('Tags', { exact: true });
    await tags.fill('Billing');
    await tags.press('Enter');
    await tags.fill('vip');
    await tags.press('Enter');
    const chosen = page.getByRole('list', { name: 'Chosen tags' });
    await chosen.getByText('billing', { exact: true }).waitFor();
    await chosen.getByText('vip', { exact: true }).waitFor();

    // Details belong to the name: saving them adds no version.
    await page.getByRole('button', { name: 'Save as new version' }).click();
    const dialog = page.getByRole('dialog', { name: `Save the details of ${name}` });
    await dialog.getByRole('cell', { name: 'billing, vip', exact: true }).waitFor();
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Saved the details of ${name}` })
      .waitFor();
    await page.waitForURL(atPath(templatePath(name)));
    const saved = await api('GET', apiPath(name));
    expect(saved.body).toMatchObject({ version_number: 1, category: 'support-desk', tags: ['billing', 'vip'] });
    expect((await api('GET', `${apiPath(name)}/versions`)).body.items).toHaveLength(1);

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Templates' }).click();
    const templates = page.getByRole('table', { name: 'Templates' });
    await templates.getByRole('link', { name: 'Untagged Reply', exact: true }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await row.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'vip' }).waitFor();
    expect(await page.getByLabel('Category', { exact: true }).locator('option', { hasText: 'Support-desk' }).count()).toBe(1);

    await page.getByLabel('Tag', { exact: true }).selectOption('vip');
    await page.waitForURL((url) => url.searchParams.get('tag')?.includes('vip') === true);
    await expect.poll(() => bodyRows(templates).count()).toBe(1);
    await templates.getByRole('link', { name, exact: true }).waitFor();
    await page.getByRole('list', { name: 'Tag filters' }).getByText('vip').waitFor();
    // The URL alone reproduces the view.
    await page.reload();
    await templates.getByRole('link', { name, exact: true }).waitFor();
    expect(await bodyRows(templates).count()).toBe(1);

    await page.getByRole('button', { name: 'Stop filtering by tag vip' }).click();
    await templates.getByRole('link', { name: 'Untagged Reply', exact: true }).waitFor();
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
