import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@promptops/api/testing';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '@promptops/providers/testing';
import { buildCli } from '../scripts/build';

/**
 * SIGTERM and Ctrl-C reach the processes operators start, which then let running jobs finish, exit 0
 * and free their port: `npm start` as the README starts it, and the compiled bundle as the Docker
 * image runs it (`node apps/cli/dist/main.js worker`, built here from the current sources). Each runs
 * as a real process over this file's database and queue prefix; a provider answering after
 * PROVIDER_LATENCY_MS keeps an execution running while the signal arrives.
 */

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const PROVIDER_LATENCY_MS = 3000;
/** Starting `npm start` may include building the web console when its build is stale. */
const START_TIMEOUT_MS = 240_000;
const DRAIN_TIMEOUT_MS = 60_000;

interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the first log record `matches` accepts. */
  waitForLog(matches: (record: Record<string, unknown>) => boolean, what: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

let t: TestApp;
let fake: FakeOpenAiServer;
/** Process groups started here; a server orphaned by a lost signal is still in its group. */
const groups = new Set<number>();

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts `command` in a process group of its own (so a Ctrl-C can go to all of it, as a terminal sends it). */
function startProcess(command: string, args: string[], env: Record<string, string>): ServerProcess {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(childEnv)) if (name.startsWith('PROMPTOPS_') || name === 'WORKER_METRICS_PORT') delete childEnv[name];
  Object.assign(
    childEnv,
    { HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: t.db.databaseUrl, QUEUE_PREFIX: t.config.queuePrefix, LLM_PROVIDERS: providers() },
    env,
  );
  const child = spawn(command, args, { cwd: REPO_ROOT, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid) groups.add(child.pid);
  let output = '';
  const records: Record<string, unknown>[] = [];
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    const start = output.lastIndexOf('\n') + 1;
    output += text;
    for (const line of output.slice(start).split('\n').slice(0, -1)) {
      try {
        records.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // npm's banner and other plain lines
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  return {
    child,
    exited,
    output: () => output,
    async waitForLog(matches, what, timeoutMs = START_TIMEOUT_MS) {
      await until(() => hasExited || records.some(matches), timeoutMs, what);
      const found = records.find(matches);
      if (!found) throw new Error(`exited before ${what}:\n${output}`);
      return found;
    },
  };
}

const providers = () => JSON.stringify([{ name: 'slow', base_url: fake.url }]);

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const SLOW_EXECUTION = { system_prompt: 'Answer briefly.', user_prompt: 'Name a colour.', provider: 'slow' };

/** Waits until the provider holds the execution's call, so the signal lands while the job runs. */
async function waitUntilRunning(callsBefore: number): Promise<void> {
  await until(() => fake.requests.length > callsBefore, 60_000, 'the provider call');
}

async function expectSucceeded(id: string): Promise<void> {
  const { status, body } = await t.call('GET', `/v1/executions/${id}`);
  expect(status).toBe(200);
  expect(body).toMatchObject({ id, status: 'succeeded' });
}

beforeAll(async () => {
  fake = await startFakeOpenAiServer({ latencyMs: PROVIDER_LATENCY_MS });
  t = await createTestApp({ LLM_PROVIDERS: providers() });
  await buildCli();
}, 120_000);

afterEach(() => {
  // Whatever a lost signal left running must not outlive the test (and hold its port).
  for (const group of groups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // the whole group is gone
    }
  }
  groups.clear();
});

afterAll(async () => {
  await t?.close();
  await fake?.close();
});

describe('npm start', () => {
  async function startAndSubmit(): Promise<{ server: ServerProcess; port: number; executionId: string }> {
    const server = startProcess('npm', ['start'], { PORT: '0' });
    const listening = await server.waitForLog((record) => record.msg === 'API listening', 'the API to listen');
    const url = String(listening.url);
    const callsBefore = fake.requests.length;
    const response = await fetch(`${url}/v1/executions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SLOW_EXECUTION),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await waitUntilRunning(callsBefore);
    return { server, port: Number(new URL(url).port), executionId: id };
  }

  it(
    'drains on SIGTERM to the npm process: the running execution succeeds, npm exits 0 and the port is free',
    async () => {
      const { server, port, executionId } = await startAndSubmit();
      process.kill(server.child.pid as number, 'SIGTERM');
      expect(await server.exited, server.output()).toEqual({ code: 0, signal: null });
      await expectSucceeded(executionId);
      expect(await portIsFree(port)).toBe(true);
      expect(server.output()).toContain('shutting down gracefully');
    },
    START_TIMEOUT_MS + DRAIN_TIMEOUT_MS,
  );

  it(
    'drains on Ctrl-C, which reaches npm and the server from the terminal and again from npm',
    async () => {
      const { server, port, executionId } = await startAndSubmit();
      // A terminal sends SIGINT to the whole foreground process group.
      process.kill(-(server.child.pid as number), 'SIGINT');
      expect(await server.exited, server.output()).toEqual({ code: 0, signal: null });
      await expectSucceeded(executionId);
      expect(await portIsFree(port)).toBe(true);
    },
    START_TIMEOUT_MS + DRAIN_TIMEOUT_MS,
  );
});

describe('the compiled bundle, as the Docker image runs it', () => {
  it(
    '`node apps/cli/dist/main.js worker` drains on SIGTERM: the running execution succeeds, it exits 0 and frees its metrics port',
    async () => {
      const metricsPort = await unusedPort();
      const worker = startProcess(process.execPath, ['--enable-source-maps', BUNDLE, 'worker'], {
        NODE_ENV: 'production',
        WORKER_METRICS_PORT: String(metricsPort),
      });
      await worker.waitForLog((record) => record.msg === 'worker started', 'the worker to start');
      expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(200);
      const callsBefore = fake.requests.length;
      const submitted = await t.call('POST', '/v1/executions', SLOW_EXECUTION);
      expect(submitted.status).toBe(202);
      await waitUntilRunning(callsBefore);
      process.kill(worker.child.pid as number, 'SIGTERM');
      expect(await worker.exited, worker.output()).toEqual({ code: 0, signal: null });
      await expectSucceeded(submitted.body.id);
      expect(await portIsFree(metricsPort)).toBe(true);
    },
    START_TIMEOUT_MS + DRAIN_TIMEOUT_MS,
  );
});
