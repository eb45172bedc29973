import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { ChatRequestBody } from '@promptops/providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './support/api-as';
import { launchBrowser, openConsole, signIn } from './support/browser';
import { type ConsoleServer, startConsoleServer } from './support/console-server';

const TEMPLATE = 'Capital Finder';
const DATASET = 'Capitals';
const CAPITALS: Record<string, string> = {
  France: 'Paris',
  Japan: 'Tokyo',
  Peru: 'Lima',
  Kenya: 'Nairobi',
  Canada: 'Ottawa',
  Chile: 'Santiago',
  Egypt: 'Cairo',
  Norway: 'Oslo',
};
/** Version 1 gets these wrong; version 2 (its system prompt says "official") gets every one right. */
const WRONG_IN_V1 = ['Peru', 'Kenya', 'Canada', 'Chile', 'Egypt', 'Norway'];

let server: ConsoleServer;
let browser: Browser;
let adminKey: string;
let api: ReturnType<typeof apiAs>;

const messageOf = (body: ChatRequestBody, role: string) => body.messages?.find((message) => message.role === role)?.content ?? '';

beforeAll(async () => {
  server = await startConsoleServer();
  browser = await launchBrowser();
  adminKey = await server.createKey('e2e admin', ['admin']);
  api = apiAs(server, adminKey);
  const created = await api('POST', '/v1/templates', {
    name: TEMPLATE,
    provider: 'fake',
    model: 'gpt-4o-mini',
    system_prompt: 'Answer with the capital city.',
    user_prompt_template: 'Capital of {{ country }}?',
    input_schema: { type: 'object', properties: { country: { type: 'string' } }, required: ['country'] },
    output_schema: { type: 'object', properties: { capital: { type: 'string' } }, required: ['capital'] },
  });
  expect(created.status).toBe(201);
  const v2 = await api('POST', `/v1/templates/${encodeURIComponent(TEMPLATE)}/versions`, { system_prompt: 'Answer with the official capital city.' });
  expect(v2.status).toBe(201);
  // Each answer takes a little while, so the run page shows the run going before it is done.
  server.pipeline.fake.setDefault({
    type: 'choose',
    pick: (body) => {
      const country = /Capital of (\w+)\?/.exec(messageOf(body, 'user'))?.[1] ?? '';
      const wrong = !messageOf(body, 'system').includes('official') && WRONG_IN_V1.includes(country);
      return {
        type: 'json',
        value: { capital: wrong ? 'Springfield' : CAPITALS[country] },
        latencyMs: 150,
        usage: { prompt_tokens: 30, completion_tokens: 6 },
      };
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Starts a run of one version from the dataset page and waits on the run page until it is done. */
async function runVersion(page: Page, version: number): Promise<string> {
  await page.getByRole('button', { name: 'Start run' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start an evaluation run' });
  await dialog.getByLabel('Template to evaluate').selectOption(TEMPLATE);
  await dialog.getByLabel('Version').selectOption(String(version));
  if (version === 1) {
    await dialog.getByLabel('Type of scorer 1').selectOption('json_equal');
  } else {
    // The form starts from the latest run's scorers.
    expect(await dialog.getByLabel('Type of scorer 1').inputValue()).toBe('json_equal');
  }
  await dialog.getByLabel('Concurrency').fill('2');
  await dialog.getByRole('button', { name: 'Start run' }).click();
  await page.waitForURL((url) => /^\/runs\/[0-9a-f-]{36}$/.test(url.pathname));
  const runId = new URL(page.url()).pathname.split('/').pop() as string;
  await page.getByRole('heading', { level: 1 }).getByText(`${TEMPLATE}@${version}`).waitFor();
  // Polled every second: the bar reaches every item, and the badge the final state.
  await page.getByText('8 of 8 items done').waitFor();
  await page.getByRole('heading', { level: 1 }).getByText('completed').waitFor();
  return runId;
}

describe('datasets and evaluation in the console', () => {
  it('imports a dataset from a JSON Lines file, runs two versions over it and reads their comparison', async () => {
    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await signIn(page, adminKey, '/datasets');

    await page.getByRole('button', { name: 'New dataset' }).first().click();
    const create = page.getByRole('dialog', { name: 'New dataset' });
    await create.getByLabel('Name').fill(DATASET);
    await create.getByLabel('Template', { exact: true }).selectOption(TEMPLATE);
    await create.getByRole('button', { name: 'Create dataset' }).click();
    await page.getByRole('heading', { level: 1, name: DATASET }).waitFor();
    const datasetId = new URL(page.url()).pathname.split('/').pop() as string;

    const lines = Object.entries(CAPITALS).map(([country, capital], i) =>
      JSON.stringify({ input_data: { country }, expected_output: { capital }, tags: [i < 4 ? 'europe-first' : 'rest'] }),
    );
    await page.getByRole('button', { name: 'Import' }).click();
    const importer = page.getByRole('dialog', { name: 'Import entries' });
    await importer
      .getByLabel('File to import')
      .setInputFiles({ name: 'capitals.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${lines.join('\n')}\n`) });
    await importer.getByText('capitals.jsonl').waitFor();
    await importer.getByLabel('Skip duplicates').waitFor();
    await importer.getByRole('button', { name: 'Import 8 entries' }).click();
    await page.getByText('Imported 8 entries').waitFor();
    await page.getByRole('table', { name: 'Entries' }).getByText('Nairobi').waitFor();
    expect((await api('GET', `/v1/datasets/${datasetId}`)).body).toMatchObject({ entry_count: 8, tags: { 'europe-first': 4, rest: 4 } });

    // Export is a plain link the session cookie authorises; it gives back what was imported.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export' }).click()]);
    const exported = await readFile((await download.path()) as string, 'utf8');
    expect(
      exported
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(lines.map((line) => JSON.parse(line)));

    const base = await runVersion(page, 1);
    await page.getByRole('row').filter({ hasText: 'Springfield' }).first().waitFor();
    await page.getByRole('link', { name: DATASET }).click();
    const candidate = await runVersion(page, 2);
    expect((await api('GET', `/v1/runs/${base}`)).body.summary).toMatchObject({ passed: 2, finished: 8 });
    expect((await api('GET', `/v1/runs/${candidate}`)).body.summary).toMatchObject({ passed: 8, finished: 8 });

    // Both runs, picked in the dataset's run history, open their comparison.
    await page.getByRole('link', { name: DATASET }).click();
    await page.getByRole('tab', { name: 'Runs' }).click();
    await page.getByLabel(`Select run ${base.slice(0, 8)}`).check();
    await page.getByLabel(`Select run ${candidate.slice(0, 8)}`).check();
    await page.getByRole('link', { name: 'Compare selected runs' }).click();
    await page.waitForURL(
      (url) => url.pathname === '/runs/compare' && url.searchParams.get('base') === base && url.searchParams.get('candidate') === candidate,
    );

    const verdict = page.getByRole('status', { name: 'Verdict' });
    await verdict.getByText(`${TEMPLATE}@2 (${candidate.slice(0, 8)}) is better than ${TEMPLATE}@1 (${base.slice(0, 8)})`).waitFor();
    const comparison = (await api('GET', `/v1/runs/compare?base=${base}&candidate=${candidate}`)).body;
    expect(comparison).toMatchObject({ verdict: 'better', counts: { improved: 6, regressed: 0, unchanged: 2 }, mcnemar: { b: 0, c: 6 } });
    expect(await verdict.textContent()).toContain(`p = ${comparison.mcnemar.p_value.toFixed(4)}`);
    await page
      .getByText(`[${comparison.bootstrap.lower.toFixed(3)}, ${comparison.bootstrap.upper.toFixed(3)}]`)
      .first()
      .waitFor();

    // An improved entry opens to both outputs side by side.
    await page.getByRole('button', { name: 'improved (6)' }).click();
    const improved = page.getByRole('table', { name: 'Compared entries' }).getByRole('row').filter({ hasText: 'Springfield' });
    expect(await improved.count()).toBe(6);
    await improved.filter({ hasText: 'Peru' }).click();
    await page.locator('[data-kind="removed"]').filter({ hasText: '"capital": "Springfield"' }).waitFor();
    await page.locator('[data-kind="added"]').filter({ hasText: '"capital": "Lima"' }).waitFor();

    expect(foreignRequests).toEqual([]);
    await context.close();
  });

  it('adds executions to a dataset, their outputs as expected outputs edited before saving', async () => {
    const target = await api('POST', '/v1/datasets', { name: 'From executions' });
    expect(target.status).toBe(201);
    const first = await server.pipeline.execute({ template: `${TEMPLATE}@2`, context: { country: 'Japan' } }, { authorization: `Bearer ${adminKey}` });
    const second = await server.pipeline.execute({ template: `${TEMPLATE}@1`, context: { country: 'Peru' } }, { authorization: `Bearer ${adminKey}` });
    expect([first.status, second.status]).toEqual(['succeeded', 'succeeded']);

    const { page, context, foreignRequests } = await openConsole(browser, server.url);
    await signIn(page, adminKey, '/executions');
    await page.getByLabel(`Select execution ${first.id.slice(0, 8)}`).check();
    await page.getByLabel(`Select execution ${second.id.slice(0, 8)}`).check();
    await page.getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Add to dataset' }).click();

    const dialog = page.getByRole('dialog', { name: 'Add to dataset' });
    await dialog.getByLabel('Dataset', { exact: true }).selectOption({ label: 'From executions' });
    // Peru's run answered wrong; its expected output is corrected before saving.
    const peru = dialog.getByRole('group', { name: 'Entry 2' });
    expect(JSON.parse(await peru.getByLabel('Expected output').inputValue())).toEqual({ capital: 'Springfield' });
    await peru.getByLabel('Expected output').fill('{"capital": "Lima"}');
    await dialog.getByLabel('Tags for these entries').fill('from-production');
    await dialog.getByLabel('Tags for these entries').press('Enter');
    await dialog.getByRole('button', { name: 'Add 2 entries' }).click();
    await page.getByText('Added 2 entries to From executions').waitFor();

    const entries = (await api('GET', `/v1/datasets/${target.body.id}/entries`)).body.items;
    expect(
      entries.map((entry: { input_data: unknown; expected_output: unknown; tags: string[] }) => [entry.input_data, entry.expected_output, entry.tags]),
    ).toEqual([
      [{ country: 'Japan' }, { capital: 'Tokyo' }, ['from-production']],
      [{ country: 'Peru' }, { capital: 'Lima' }, ['from-production']],
    ]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
