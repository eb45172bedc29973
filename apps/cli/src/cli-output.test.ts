import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type RunningServer } from '@promptops/api';
import { createTestApp, type TestApp } from '@promptops/api/testing';
import { type CliResult, spawnCli } from './testing/spawn-cli';

/**
 * What a person sees when a command goes wrong, from real processes: one `error:` line on stderr,
 * nothing on stdout, exit 2 for a usage error and 1 for a failure; and colour only on a terminal.
 * The commands run against this file's database and queue prefix and an API server listening over them.
 */

let t: TestApp;
let server: RunningServer;

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnCli(args, { DATABASE_URL: t.db.databaseUrl, QUEUE_PREFIX: t.config.queuePrefix, PROMPTOPS_API_URL: server.url, LOG_LEVEL: 'info', ...env }).result;

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function expectOneErrorLine(result: CliResult, code: number, message: RegExp): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
  // Neither a stack trace nor the database's account of a statement.
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+|\bselect\b|\bfrom "|\bwhere\b/i);
}

beforeAll(async () => {
  t = await createTestApp();
  server = await startApiServer(t.app, { host: '127.0.0.1', port: 0 });
  const created = await t.call('POST', '/v1/templates', { name: 'Greeter', user_prompt_template: 'Hello {{ name }}', provider: 'mock' });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe('errors', () => {
  it('reports usage errors in one line with exit 2: commander, arguments, unknown names and ids, refused input', async () => {
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const cases: [string[], RegExp][] = [
      [['lst'], /^error: unknown command 'lst' \(Did you mean list\?\)$/m],
      [['list', '--bogus'], /unknown option '--bogus'/],
      [['render'], /missing required argument 'template'/],
      [['exec', 'Greeter', '--wait', 'soon'], /option '--wait <seconds>' argument 'soon' is invalid/],
      [['keys', 'revoke', 'ci'], /no active API key has the id or the name "ci"/],
      [['keys', 'revoke', unknownId], /API key ".+" not found/],
      [['render', 'Nope'], /Template "Nope" not found/],
      [['render', 'Greeter', '-c', '{bad'], /context is not valid JSON/],
      [['render', 'Greeter', '-f', '/nonexistent/context.json'], /cannot read --context-file \/nonexistent\/context.json: ENOENT/],
      [['exec', 'Nope'], /Template "Nope" not found \(404 not_found\)/],
      [['compare', unknownId, unknownId], /Run .+ not found \(404 not_found\)/],
      [['generate', 'too short'], /description: .+ \(400 invalid_request\)/],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(args)));
    for (const [i, result] of results.entries()) expectOneErrorLine(result, 2, cases[i]![1]);
  }, 120_000);

  it('reports bad configuration as a usage error, in one line', async () => {
    const result = await cli(['list'], { DATABASE_URL: 'mysql://somewhere/db', LOG_LEVEL: 'loud' });
    expectOneErrorLine(result, 2, /^error: Invalid configuration: DATABASE_URL: .+; LOG_LEVEL: /);
  }, 60_000);

  it('reports a database or an API that cannot be used as a failure, exit 1, naming where it looked', async () => {
    const port = await closedPort();
    const [database, api, badUrl] = await Promise.all([
      cli(['keys', 'list'], { DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/promptops` }),
      cli(['exec', 'Greeter', '-c', '{"name": "Ada"}'], { PROMPTOPS_API_URL: `http://127.0.0.1:${port}` }),
      cli(['exec', 'Greeter'], { PROMPTOPS_API_URL: 'localhost-3000' }),
    ]);
    expectOneErrorLine(database, 1, new RegExp(`cannot use PostgreSQL at 127\\.0\\.0\\.1:${port}/promptops \\(connection refused, ECONNREFUSED\\)`));
    expectOneErrorLine(api, 1, new RegExp(`cannot reach the API at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    expectOneErrorLine(badUrl, 2, /the API URL must be an http\(s\) URL .+ got "localhost-3000"/);
  }, 60_000);

  it('answers an empty filter with an empty table, not an error', async () => {
    const result = await cli(['list', '--category', 'nonexistent']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('0 of 0 template(s)');
  }, 60_000);
});

describe('colour', () => {
  const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
  const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what is looked for
  const ANSI_COLOUR = /\x1b\[\d+m/;

  /** `promptops list` on a pseudo-terminal, through util-linux `script`. */
  function onTerminal(env: NodeJS.ProcessEnv): Promise<string> {
    const command = `'${process.execPath}' --import tsx '${MAIN}' list`;
    // cli-table3's colour library turns colour off wherever CI is set (as in our CI runs), on a
    // terminal or not; what is tested here is the CLI's own decision, so the child runs without it.
    const { CI: _ci, ...outsideCi } = process.env;
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: REPO_ROOT,
      env: { ...outsideCi, DATABASE_URL: t.db.databaseUrl, QUEUE_PREFIX: t.config.queuePrefix, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`script exited ${code}: ${output}`))));
    });
  }

  it('prints plain tables when stdout is not a terminal', async () => {
    const piped = await cli(['list']);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toContain('Greeter');
    expect(piped.stdout).not.toMatch(ANSI_COLOUR);
  }, 60_000);

  it.skipIf(!existsSync('/usr/bin/script'))(
    'colours tables on a terminal unless NO_COLOR is set',
    async () => {
      const [coloured, plain] = await Promise.all([onTerminal({ NO_COLOR: '' }), onTerminal({ NO_COLOR: '1' })]);
      expect(coloured).toContain('Greeter');
      expect(coloured).toMatch(ANSI_COLOUR);
      expect(plain).toContain('Greeter');
      expect(plain).not.toMatch(ANSI_COLOUR);
    },
    60_000,
  );
});
