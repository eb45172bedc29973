import type { Browser } from 'playwright-core';
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

/** What the Prompt Generator's output schema asks for (packages/domain/src/seeds/prompt-generator.ts). */
const GENERATED = {
  name: 'Release Notes Writer',
  system_prompt: 'You write short, friendly release notes for end users.',
  user_prompt_template: 'Write release notes for these changes:\n{% for change in changes %}- {{ change }}\n{% endfor %}',
  variables: [{ name: 'changes', description: 'The merged changes, one line each', type: 'array' }],
  input_schema: {
    type: 'object',
    properties: { changes: { type: 'array', items: { type: 'string' } } },
    required: ['changes'],
    additionalProperties: false,
  },
};

describe('generating a template', () => {
  it('drafts a template from a description, shows the draft, and activates it', async () => {
    server.pipeline.fake.enqueue({ type: 'json', value: GENERATED, latencyMs: 300 });
    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await signIn(page, adminKey, '/generate');

    const description = 'Turn a list of merged changes into release notes that customers understand';
    await page.getByLabel('Description').fill(description);
    await fillCodeEditor(page, 'Example input (JSON)', '{"changes": ["Faster search", "Dark mode"]}');
    await page.getByLabel('Provider').selectOption('fake');
    await page.getByRole('button', { name: 'Generate template' }).click();

    const draft = page.getByText('Draft (inactive)');
    await draft.waitFor();
    await page.getByText(GENERATED.name, { exact: true }).first().waitFor();
    await page.getByRole('region', { name: 'System prompt' }).getByText(GENERATED.system_prompt).waitFor();
    expect(await page.getByRole('region', { name: 'User prompt template' }).textContent()).toContain('{% for change in changes %}- {{ change }}');
    // The generator was asked with what the form said.
    const asked = server.pipeline.fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    const userMessage = asked.messages.find((message) => message.role === 'user')?.content ?? '';
    expect(userMessage).toContain(description);
    expect(userMessage).toContain('"Faster search"');

    const before = await api('GET', `/v1/templates/${encodeURIComponent(`${GENERATED.name}@1`)}`);
    expect(before.body).toMatchObject({
      name: GENERATED.name,
      is_active: false,
      user_prompt_template: GENERATED.user_prompt_template,
      input_schema: GENERATED.input_schema,
    });

    await page.getByRole('button', { name: 'Activate' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Activated ${GENERATED.name}` })
      .waitFor();
    await page.getByText('Active: executions may use it by name.').waitFor();
    expect(await draft.count()).toBe(0);
    const resolved = await api('GET', `/v1/templates/${encodeURIComponent(GENERATED.name)}`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id: before.body.id, is_active: true, version_number: 1 });

    await page.getByRole('link', { name: 'View the template page' }).click();
    await page.getByRole('heading', { level: 1, name: GENERATED.name }).waitFor();
    await page.getByText('resolved', { exact: true }).waitFor();
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('API keys', () => {
  it('creates a key shown once, signs in with it elsewhere, and revoking it ends that session', async () => {
    const admin = await openConsole(browser, server.url);
    await signIn(admin.page, adminKey, '/keys');
    await admin.page.getByRole('button', { name: 'Create key' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel('Name').fill('alice-laptop');
    await dialog.getByRole('checkbox', { name: /^write/ }).check();
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const shown = admin.page.getByRole('dialog', { name: 'Key created' });
    await shown.getByText('it will not be shown again').waitFor();
    const secret = await shown.getByLabel('Key "alice-laptop"').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });
    // Shown once: the list has only the prefix, and the page no longer holds the secret.
    const row = admin.page.getByRole('row').filter({ hasText: 'alice-laptop' });
    await row.getByText('Active', { exact: true }).waitFor();
    expect(await admin.page.content()).not.toContain(secret);
    const listed = (await api('GET', '/v1/keys')).body.items.find((key: { name: string }) => key.name === 'alice-laptop');
    expect(listed).toMatchObject({ scopes: ['write'], revoked_at: null });
    expect(secret.startsWith(listed.key_prefix)).toBe(true);

    const alice = await openConsole(browser, server.url);
    await signIn(alice.page, secret, '/templates');
    await alice.page.getByText('Signed in as alice-laptop').waitFor();
    // A write key sees no admin section.
    expect(await alice.page.getByRole('link', { name: 'API keys' }).count()).toBe(0);

    await row.getByRole('button', { name: 'Revoke alice-laptop' }).click();
    await admin.page.getByRole('alertdialog', { name: 'Revoke "alice-laptop"?' }).getByRole('button', { name: 'Revoke key' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'Revoked alice-laptop' }).waitFor();
    await row.getByText(/^Revoked/).waitFor();
    const revoked = (await api('GET', '/v1/keys')).body.items.find((key: { name: string }) => key.name === 'alice-laptop');
    expect(revoked.revoked_at).not.toBeNull();

    // Alice's open page learns on its next navigation: the API refuses the session, the console sends her to sign in.
    await alice.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Executions' }).click();
    await alice.page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/executions');
    await alice.page.getByLabel('API key').waitFor();

    expect(admin.foreignRequests).toEqual([]);
    expect(alice.foreignRequests).toEqual([]);
    await alice.context.close();
    await admin.context.close();
  });
});
