import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApiServer, type RunningServer } from '@promptops/api';
import { createTestApp, type TestApp } from '@promptops/api/testing';
import type { RunView } from '@promptops/domain';
import { startWorkerRuntime, type WorkerRuntime } from '@promptops/worker';
import { spawnCli, type CliResult } from '../testing/spawn-cli';
import { exitCodeFor } from '../errors/cli-errors';
import { createProgram } from '../program';

/**
 * `promptops eval` and `promptops compare` against a real server: the API over its own database and
 * queue prefix, listening on a port, plus an in-process worker. The exit-code gate, Ctrl-C and
 * main.ts's usage-error mapping run as real processes; the rest goes through commander in-process. Templates use
 * the offline `mock` provider, which answers a schema-less prompt with `[mock] <user prompt>`, so
 * expected outputs decide exactly which items pass.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

let t: TestApp;
let server: RunningServer;
let worker: WorkerRuntime | undefined;
let datasetId: string;

const WORKER_OPTIONS = { concurrency: 8, reconcileIntervalMs: 500, queuedGraceMs: 500, heartbeatMs: 500, staleAfterMs: 4000 };

/** Runs `promptops <args>` against this file's server. */
const cli = (args: string[]) => spawnCli(args, { PROMPTOPS_API_URL: server.url });

const run = (args: string[]) => cli(args).result;

class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

/**
 * The same commands through commander in this process, for the cases where a process start adds
 * nothing; stdout, stderr and process.exit are captured, and errors map to codes as main.ts does.
 */
async function inProcess(args: string[]): Promise<CliResult & { error?: Error }> {
  const program = createProgram();
  let stdout = '';
  let stderr = '';
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => {
      stdout += String(chunk);
      return true;
    }) as never),
    vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: unknown) => {
      stderr += String(chunk);
      return true;
    }) as never),
    vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      throw new ExitCalled(code ?? 0);
    }) as never),
  ];
  try {
    await program.parseAsync([...args, '--api-url', server.url], { from: 'user' });
    return { code: Number(process.exitCode ?? 0), stdout, stderr };
  } catch (error) {
    if (error instanceof ExitCalled) return { code: error.code, stdout, stderr };
    return { code: exitCodeFor(error), stdout, stderr, error: error as Error };
  } finally {
    for (const spy of spies) spy.mockRestore();
    process.exitCode = undefined;
  }
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function finishedRun(id: string): Promise<RunView> {
  let current = {} as RunView;
  await until(
    async () => {
      current = (await t.call('GET', `/v1/runs/${id}`)).body;
      return ['completed', 'failed', 'cancelled'].includes(current.status);
    },
    10_000,
    `run ${id}`,
  );
  return current;
}

const runIdIn = (stdout: string) => new RegExp(`run (${UUID.source}) \\(details`).exec(stdout)?.[1] ?? '';

beforeAll(async () => {
  t = await createTestApp();
  server = await startApiServer(t.app, { host: '127.0.0.1', port: 0 });
  for (const [name, prompt] of [
    ['Echo', '{{ word }}'],
    ['Shout', '{{ word }}!'],
  ]) {
    const created = await t.call('POST', '/v1/templates', { name, system_prompt: 'Repeat the word.', user_prompt_template: prompt, provider: 'mock' });
    expect(created.status).toBe(201);
  }
  const dataset = await t.call('POST', '/v1/datasets', { name: 'CLI Words', template: 'Echo' });
  datasetId = dataset.body.id;
  // Echo answers "[mock] wN": entries 1-6 expect exactly that, 7-8 expect something else → 75% pass.
  const entries = Array.from({ length: 8 }, (_, i) => ({
    input_data: { word: `w${i + 1}` },
    expected_output: i < 6 ? `[mock] w${i + 1}` : 'something else',
    tags: i < 4 ? ['first'] : [],
  }));
  expect((await t.call('POST', `/v1/datasets/${datasetId}/entries/import`, entries)).status).toBe(201);
});

afterAll(async () => {
  await server?.close();
  await worker?.close();
  await t?.close();
});

describe('promptops eval and compare', () => {
  let echoRunId: string;
  let shoutRunId: string;

  it('gates on --min-pass-rate with exit codes, cancels on Ctrl-C with 130, and rejects bad usage with 2 (real processes)', async () => {
    // No worker yet: every run stays queued, so the interrupt surely lands while its CLI waits.
    const interrupted = cli(['eval', 'CLI Words', '--tag', 'first']);
    const underCli = cli(['eval', 'CLI Words', '--min-pass-rate', '0.9']);
    const overCli = cli(['eval', datasetId, '--scorer', 'exact_match', '--scorer', '{"type":"contains","value":"[mock]"}', '--min-pass-rate', '50%', '--json']);
    const under = underCli.result;
    const over = overCli.result;
    const badScorer = run(['eval', 'CLI Words', '--scorer', '{"type":']);
    await until(() => / queued: 0\/4/.test(interrupted.stderrSoFar()), 60_000, 'the interrupted run to be waited on');
    // compare waits for runs still going, as after `eval --detach`: both gated runs are queued until the worker starts.
    const submittedRun = (stderr: string) => new RegExp(`^run (${UUID.source}): dataset`, 'm').exec(stderr)?.[1];
    await until(() => Boolean(submittedRun(underCli.stderrSoFar()) && submittedRun(overCli.stderrSoFar())), 60_000, 'both gated runs to be submitted');
    const waiting = cli(['compare', submittedRun(underCli.stderrSoFar())!, submittedRun(overCli.stderrSoFar())!]);
    await until(() => /waiting for run .+ to finish \(queued, 0 of 8 items done\)/.test(waiting.stderrSoFar()), 60_000, 'compare to wait for the queued runs');
    interrupted.child.kill('SIGINT');
    const stopped = await interrupted.result;
    worker = startWorkerRuntime(t.platform, WORKER_OPTIONS);

    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted: cancelling run/);
    expect(stopped.stdout).toMatch(/status\s+│ cancelled/);
    expect((await t.call('GET', `/v1/runs/${runIdIn(stopped.stdout)}`)).body.status).toBe('cancelled');

    // Under the threshold: the summary table, the reason, exit 1.
    const below = await under;
    expect(below.code, below.stderr).toBe(1);
    expect(below.stdout).toMatch(/status\s+│ completed/);
    expect(below.stdout).toMatch(/template\s+│ Echo@1 \(mock\/mock-1\)/);
    expect(below.stdout).toMatch(/items\s+│ 8 of 8 finished/);
    expect(below.stdout).toMatch(/pass rate\s+│ 75\.0%/);
    expect(below.stdout).toMatch(/exact_match\s+│ 0\.750\s+│ 75\.0%/);
    expect(below.stdout).toContain('FAIL: pass rate 75.0% is below the required 90.0% (6 of 8 items passed)');
    expect(below.stderr).toMatch(/completed: 8\/8 \(100%\) \| 6 passed, 2 failed \(0 errors\)/);
    echoRunId = runIdIn(below.stdout);
    expect(echoRunId).toMatch(UUID);

    // Over it: --json prints the final run record on stdout, the gate line goes to stderr, exit 0.
    const above = await over;
    expect(above.code, above.stderr).toBe(0);
    expect(JSON.parse(above.stdout)).toMatchObject({
      status: 'completed',
      dataset_id: datasetId,
      summary: { pass_rate: 0.75 },
      scorers: [{ type: 'exact_match' }, { type: 'contains' }],
    });
    expect(above.stderr).toContain('PASS: pass rate 75.0% meets the required 50.0%');

    const compared = await waiting.result;
    expect(compared.code, compared.stderr).toBe(0);
    expect(compared.stdout).toMatch(/^NO SIGNIFICANT DIFFERENCE between candidate and base/);
    // The same items pass; the two that fail exact_match still pass contains, so their scores rise.
    expect(compared.stdout).toContain('8 paired items: 2 improved, 0 regressed, 6 unchanged');

    const usage = await badScorer;
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('not valid JSON');
    expect((await t.call('GET', `/v1/datasets/${datasetId}/runs`)).body.total).toBe(3);
  }, 180_000);

  it('--detach prints only the run id; commander usage errors exit 2', async () => {
    const detached = await inProcess(['eval', 'CLI Words', '--template', 'Shout', '--detach']);
    expect(detached.code, detached.stderr).toBe(0);
    expect(detached.stdout.trim()).toMatch(new RegExp(`^${UUID.source}$`));
    shoutRunId = detached.stdout.trim();

    const zero = await inProcess(['eval', 'CLI Words', '--concurrency', '0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("option '--concurrency <n>' argument '0' is invalid");
    const unknown = await inProcess(['eval', 'No Such Dataset']);
    expect(unknown.code).toBe(2);
    expect(unknown.error?.message).toContain('no dataset has the id or the exact name "No Such Dataset"');
  });

  it('prints the comparison verdict and table, and fails on regression when asked', async () => {
    expect((await finishedRun(shoutRunId)).summary.pass_rate).toBe(0);
    const better = await inProcess(['compare', shoutRunId, echoRunId]);
    expect(better.code, better.stderr).toBe(0);
    expect(better.stdout).toMatch(
      /^candidate is BETTER than base \(McNemar exact p = 0\.0313, bootstrap 95% CI of mean score difference \[0\.\d{3}, (0\.\d{3}|1\.000)\]\)/,
    );
    expect(better.stdout).toMatch(/pass rate\s+│ 0\.0%\s+│ 75\.0%\s+│ \+75\.0 pp/);
    expect(better.stdout).toMatch(/exact_match \(mean\)\s+│ 0\.000\s+│ 0\.750\s+│ \+0\.750/);
    expect(better.stdout).toContain('8 paired items: 6 improved, 0 regressed, 2 unchanged');

    const worse = await inProcess(['compare', echoRunId, shoutRunId, '--show-entries', '--fail-on-regression']);
    expect(worse.code, worse.stderr).toBe(1);
    expect(worse.stdout).toMatch(/^candidate is WORSE than base/);
    expect(worse.stdout).toContain('regressed entries (6):');
    expect(worse.stdout).toMatch(/\{"word":"w1"\}\s+│ pass 1\.000 │ fail 0\.000/);
    expect(worse.stdout).toContain('improved entries: none');
    expect(worse.stdout).toContain('FAIL: the candidate is significantly worse than the base (--fail-on-regression)');

    const json = await inProcess(['compare', echoRunId, shoutRunId, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ verdict: 'worse', counts: { regressed: 6, improved: 0, unchanged: 2 } });
  });
});
