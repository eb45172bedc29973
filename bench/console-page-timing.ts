/** Times console pages in headless Chromium, each load in a fresh context (empty cache, no cookies). */
import type { Browser, Page } from 'playwright-core';
import { MAIN_THREAD_CATEGORIES, type MainThreadWork, mainThreadWork } from './main-thread-trace';

// The functions below run in the page (Playwright sends their source, which the page's CSP allows,
// where strings would need eval). They declare no named inner functions, since tsx would wrap those
// in a helper the page lacks.

/** The little of the browser they use; bench code is type-checked without the DOM's types. */
interface PageWindow {
  innerHeight: number;
  document: {
    querySelector(selector: string): { closest(selector: string): { getBoundingClientRect(): { height: number; top: number } } | null } | null;
    getElementById(id: string): { disabled?: boolean; readOnly?: boolean } | null;
  };
  performance: { getEntriesByType(type: string): { name: string; startTime: number; responseEnd: number }[] };
}

/**
 * Polled on every animation frame: performance.now() (ms since navigation start) once a real row
 * of the templates table (one linking to a template, not a loading placeholder) has a box on
 * screen and the search box is there and editable; false until then. The callback runs on the
 * main thread, so when it fires the page is free to take the keystroke.
 */
function templatesInteractive(): number | false {
  const page = globalThis as unknown as PageWindow;
  const row = page.document.querySelector('table[aria-label="Templates"] tbody tr a[href^="/templates/"]')?.closest('tr');
  const box = page.document.getElementById('templates-search');
  if (!row || !box || box.disabled || box.readOnly) return false;
  const { height, top } = row.getBoundingClientRect();
  return height > 0 && top < page.innerHeight ? performance.now() : false;
}

/** The page's requests as Resource Timing saw them, in ms since navigation start. */
function resourceTimings(): { html: number; resources: Resource[] } {
  const timings = (globalThis as unknown as PageWindow).performance;
  return {
    html: timings.getEntriesByType('navigation')[0]?.responseEnd ?? Number.NaN,
    resources: timings.getEntriesByType('resource').map((entry) => ({
      url: new URL(entry.name).pathname + new URL(entry.name).search,
      start: entry.startTime,
      end: entry.responseEnd,
    })),
  };
}

/** Sequential preview calls as the console's client sends them; the round trip of each after the warm-up. */
async function timePreviews({ body, warmup, count }: { body: unknown; warmup: number; count: number }): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const started = performance.now();
    const response = await fetch('/v1/templates/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-PromptOps-CSRF': '1' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`preview answered ${response.status}: ${text}`);
    JSON.parse(text);
    if (i >= warmup) durations.push(performance.now() - started);
  }
  return durations;
}

export interface Resource {
  url: string;
  start: number;
  end: number;
}

export interface PageLoad {
  /** ms from navigation start until rows are visible and the search box takes input. */
  interactive: number;
  htmlEnd: number;
  resources: Resource[];
  /** Only for traced loads: the main thread's work until interactive. */
  mainThread?: MainThreadWork;
}

async function newPage(browser: Browser, origin: string): Promise<Page> {
  // As the end-to-end tests' openConsole does, minus its vitest-only failure hook.
  const context = await browser.newContext({ baseURL: origin, viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(30_000);
  return context.newPage();
}

/** Runs `measure` on a fresh page, then fails if any answer was not OK (a 429 would skew every number). */
async function onFreshPage<T>(browser: Browser, origin: string, measure: (page: Page) => Promise<T>): Promise<T> {
  const page = await newPage(browser, origin);
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  try {
    const result = await measure(page);
    if (failed.length > 0) throw new Error(`the page got error answers: ${failed.join(', ')}`);
    return result;
  } catch (error) {
    // Say what the page showed: a timeout alone does not tell a slow page from a broken one.
    const shown = (
      (await page
        .locator('body')
        .textContent({ timeout: 1000 })
        .catch(() => '')) ?? ''
    )
      .slice(0, 300)
      .replace(/\s+/g, ' ');
    throw new Error(`${(error as Error).message}\n  at ${page.url()}, showing "${shown}"; error answers: ${failed.join(', ') || 'none'}`, { cause: error });
  } finally {
    await page.context().close();
  }
}

/**
 * One cold load of a templates URL; checks afterwards that typing into the search box works. With
 * `trace`, Chromium records a performance trace (which slows the page a little) to tell the main
 * thread's CPU time from its wall time.
 */
export async function loadTemplatesPage(browser: Browser, origin: string, url: string, options: { trace?: boolean } = {}): Promise<PageLoad> {
  return onFreshPage(browser, origin, async (page) => {
    if (options.trace) await browser.startTracing(page, { categories: MAIN_THREAD_CATEGORIES });
    await page.goto(url, { waitUntil: 'commit' });
    const ready = await page.waitForFunction(templatesInteractive, undefined, { polling: 'raf' });
    const interactive = (await ready.jsonValue()) as number;
    const mainThread = options.trace ? mainThreadWork(await browser.stopTracing(), interactive) : undefined;
    const { html, resources } = await page.evaluate(resourceTimings);
    const search = page.getByLabel('Search templates');
    const before = await search.inputValue();
    await search.pressSequentially('x');
    if ((await search.inputValue()).length !== before.length + 1) throw new Error(`the search box of ${url} did not take a keystroke`);
    return { interactive, htmlEnd: html, resources, ...(mainThread ? { mainThread } : {}) };
  });
}

/**
 * `count` sequential POST /v1/templates/preview calls made by the editor page's own origin and
 * session (what its live preview sends, CSRF header included); returns each round trip in ms.
 */
export async function previewFromEditor(browser: Browser, origin: string, body: unknown, warmup: number, count: number): Promise<number[]> {
  return onFreshPage(browser, origin, async (page) => {
    await page.goto('/templates/new');
    await page.getByRole('textbox').first().waitFor();
    return page.evaluate(timePreviews, { body, warmup, count });
  });
}

/** The first resource whose path starts with `prefix` (e.g. '/v1/templates?'), if the page fetched one. */
export function resourceAt(load: PageLoad, prefix: string): Resource | undefined {
  return load.resources.find((resource) => resource.url.startsWith(prefix));
}
