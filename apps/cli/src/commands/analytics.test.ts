import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type RunningServer } from '@promptops/api';
import { createTestApp, insertFinishedExecution, type TestApp } from '@promptops/api/testing';
import type { AnalyticsSeries } from '@promptops/domain';
import { spawnCli } from '../testing/spawn-cli';

/**
 * `promptops analytics [top]` as a real process against a real server over its own database: the
 * numbers it prints are the rollups of executions finished in known hours, in a fixed past range
 * so "now" never matters.
 */

let t: TestApp;
let server: RunningServer;
const FROM = '2026-03-01T00:00:00Z';
const TO = '2026-03-02T00:00:00Z';

const run = (...args: string[]) => spawnCli(['analytics', ...args], { PROMPTOPS_API_URL: server.url }).result;

beforeAll(async () => {
  t = await createTestApp();
  server = await startApiServer(t.app, { host: '127.0.0.1', port: 0 });
  const versionIds: string[] = [];
  for (const body of [
    { name: 'Greeter', user_prompt_template: 'Hi {{ name }}', provider: 'mock' },
    { name: 'Summariser', user_prompt_template: 'Sum {{ text }}', provider: 'mock' },
  ]) {
    const created = await t.call('POST', '/v1/templates', body);
    expect(created.status).toBe(201);
    versionIds.push(created.body.id);
  }
  const v2 = await t.call('POST', '/v1/templates/Greeter@1/versions', { temperature: 0.2 });
  expect(v2.status).toBe(201);
  const [greeter1, summariser] = versionIds as [string, string];
  const at = (time: string) => new Date(`2026-03-01T${time}Z`);
  await insertFinishedExecution(t.db.orm, { templateId: greeter1, costUsd: 0.001, promptTokens: 100, completionTokens: 20, finishedAt: at('10:05:00') });
  await insertFinishedExecution(t.db.orm, { templateId: greeter1, status: 'failed', costUsd: 0.002, finishedAt: at('10:55:00') });
  await insertFinishedExecution(t.db.orm, { templateId: v2.body.id, costUsd: 0.003, finishedAt: at('12:10:00') });
  await insertFinishedExecution(t.db.orm, { templateId: summariser, provider: 'openai', status: 'failed', costUsd: 0.0005, finishedAt: at('11:30:00') });
  await insertFinishedExecution(t.db.orm, { templateId: summariser, provider: 'openai', status: 'failed', costUsd: 0.0005, finishedAt: at('11:40:00') });
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe('promptops analytics', () => {
  it('prints a template per hour, its totals and each version, and the same numbers as JSON', async () => {
    const table = await run('--template', 'Greeter', '--from', FROM, '--to', TO, '--bucket', 'hour');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain('Greeter (all versions): 2026-03-01 00:00 to 2026-03-02 00:00 UTC, by hour');
    // Hours 10 (two executions) and 12 (one) are shown; the 22 empty ones are counted, not listed.
    expect(table.stdout).toMatch(/2026-03-01 10:00\s*│\s*2\s*│\s*1\s*│\s*1\s*│\s*0\s*│\s*50\.0%/);
    expect(table.stdout).toMatch(/2026-03-01 12:00\s*│\s*1\s*│\s*1\s*│\s*0/);
    expect(table.stdout).toContain('22 of 24 hours without executions not shown');
    expect(table.stdout).toMatch(/total\s*│\s*3\s*│\s*2\s*│\s*1\s*│\s*0\s*│\s*66\.7%\s*│\s*300\/60\s*│\s*\$0\.006000/);
    expect(table.stdout).toMatch(/version 2\s*│\s*1\s*│/);
    expect(table.stdout).toMatch(/version 1\s*│\s*2\s*│/);

    const json = await run('--template', 'Greeter@1', '--from', FROM, '--to', TO, '--json');
    expect(json.code, json.stderr).toBe(0);
    const body = JSON.parse(json.stdout) as AnalyticsSeries;
    expect(body.scope).toEqual({ template: 'Greeter', version: 1, provider: null, model: null });
    expect(body.totals).toMatchObject({ executions: 2, succeeded: 1, failed: 1, prompt_tokens: 200, cost_usd: 0.003 });
    expect(body.versions).toBeNull();
  }, 60_000);

  it('ranks templates by failures, filtered by provider', async () => {
    const top = await run('top', '--by', 'failures', '--provider', 'openai', '--from', FROM, '--to', TO);
    expect(top.code, top.stderr).toBe(0);
    expect(top.stdout).toContain('top templates by failures: 2026-03-01 00:00 to 2026-03-02 00:00 UTC');
    expect(top.stdout).toMatch(/1\s*│\s*Summariser\s*│\s*2\s*│\s*2\s*│\s*0\.0%\s*│\s*\$0\.001000/);
    expect(top.stdout).not.toContain('Greeter');
  }, 60_000);

  it('refuses options that do not go together, and names a template that does not exist, with exit code 2', async () => {
    const mixed = await run('top', '--by', 'cost', '--template', 'Greeter');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--template, --version, --bucket and --totals do not apply');
    const missing = await run('--template', 'Nobody', '--from', FROM, '--to', TO);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Nobody');
    expect(missing.stdout).toBe('');
  }, 60_000);
});
