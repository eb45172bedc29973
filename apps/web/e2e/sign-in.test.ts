import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openConsole, signIn } from './support/browser';
import { type ConsoleServer, startConsoleServer } from './support/console-server';

let server: ConsoleServer;
let browser: Browser;
let adminKey: string;
let readKey: string;

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchBrowser();
  adminKey = await server.createKey('e2e admin', ['admin']);
  readKey = await server.createKey('e2e reader', ['read']);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('signing in to the console', () => {
  it('sends an unauthenticated visitor to sign-in, shows a wrong key as a message, then lands where they were going', async () => {
    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await page.goto('/executions?status=failed');
    await page.waitForURL(/\/sign-in\?next=/);

    await page.getByLabel('API key').fill('po_not_a_real_key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Invalid or revoked API key');
    expect(await page.content()).not.toContain('"error"');

    await page.getByLabel('API key').fill(adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/executions' && url.searchParams.get('status') === 'failed');

    const cookie = (await context.cookies()).find((candidate) => candidate.name === 'promptops_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value).not.toContain(adminKey);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('signs out on the server: the old cookie no longer works', async () => {
    const { page, context } = await openConsole(browser, server.url);
    await signIn(page, adminKey);
    const cookie = (await context.cookies()).find((candidate) => candidate.name === 'promptops_session');
    expect(cookie).toBeDefined();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);

    // Replaying the cookie captured before sign-out, as a thief would, is refused.
    const replay = await fetch(`${server.url}/v1/templates`, { headers: { cookie: `promptops_session=${cookie?.value}` } });
    expect(replay.status).toBe(401);
    await context.close();
  });

  it('shows a read-only key no write actions, and the API refuses them anyway', async () => {
    const { page, context } = await openConsole(browser, server.url);
    await signIn(page, readKey, '/templates');
    await page.getByRole('link', { name: 'Chat Assistant' }).first().waitFor();
    await expect.poll(() => page.getByText('read-only').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'New template' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'API keys' }).count()).toBe(0);

    const status = await page.evaluate(async () => {
      const response = await fetch('/v1/templates', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-PromptOps-CSRF': '1' },
        body: JSON.stringify({ name: 'Sneaky', user_prompt_template: 'hi' }),
      });
      return response.status;
    });
    expect(status).toBe(403);
    await context.close();
  });

  it('sends an unauthenticated visit to the queue dashboard to sign-in, and back after it', async () => {
    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await page.goto('/admin/queues');
    await page.waitForURL(/\/sign-in\?next=%2Fadmin%2Fqueues/);
    await page.getByLabel('API key').fill(adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/admin/queues'));
    await page.getByText('executions').first().waitFor();
    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('serves the API reference with no request leaving the server', async () => {
    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await page.goto('/docs');
    await page.getByText('PromptOps API').first().waitFor();
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
