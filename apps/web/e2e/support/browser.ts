import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';

/** Debian's Chromium; CI installs it with apt (.ci/run), never a downloaded browser build. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of failed tests land here (gitignored), for CI's artifacts. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // The machine has no network: without these flags Chromium's background services keep trying.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Every request the page made to another origin; the console must make none. */
  foreignRequests: string[];
}

/**
 * A fresh browser context (own cookies) on the console, recording requests that leave its origin.
 * Call inside a test: a failure saves a full-page screenshot under e2e/artifacts/.
 */
export async function openConsole(browser: Browser, origin: string): Promise<ConsolePage> {
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1400, height: 900 } });
  // Assertions wait for the UI, not for a wall clock: generous, because CI machines are busy.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') foreignRequests.push(request.url());
  });
  onTestFailed(async ({ task }) => {
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
    await page.screenshot({ path: `${ARTIFACTS_DIR}${name}.png`, fullPage: true }).catch(() => undefined);
  });
  return { context, page, foreignRequests };
}

/** Signs in through the form, as a person would, and waits for the console to show. */
export async function signIn(page: Page, key: string, next?: string): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
}
