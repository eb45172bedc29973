import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@promptops/config';
import { consoleBuildState, ensureConsoleBuilt } from './console-build';

let webDir: string;
let logLines: string[];
const logger = () => createLogger({ level: 'info', destination: { write: (line: string) => void logLines.push(line) } });

/** Writes `file` under webDir with its modification time `secondsAgo` in the past. */
async function put(file: string, secondsAgo: number, content = 'x') {
  const full = path.join(webDir, file);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, content);
  const when = new Date(Date.now() - secondsAgo * 1000);
  await utimes(full, when, when);
}

async function sources(secondsAgo: number) {
  for (const file of ['package.json', 'index.html', 'vite.config.ts', 'src/main.tsx', 'src/pages/templates/list.tsx']) await put(file, secondsAgo);
}

beforeEach(async () => {
  webDir = await mkdtemp(path.join(tmpdir(), 'promptops-web-'));
  logLines = [];
});

afterEach(async () => {
  await rm(webDir, { recursive: true, force: true });
});

describe('console build state', () => {
  it('skips the check when only the build ships', async () => {
    await put('dist/index.html', 100);
    expect(await consoleBuildState(webDir)).toBe('no_sources');
    expect(await consoleBuildState(path.join(webDir, 'absent'))).toBe('no_sources');
  });

  it('is missing without dist/index.html, and fresh when the build is newer than every source', async () => {
    await sources(100);
    expect(await consoleBuildState(webDir)).toBe('missing');
    await put('dist/index.html', 50);
    expect(await consoleBuildState(webDir)).toBe('fresh');
  });

  it('is stale when any source changed after the build, nested ones included', async () => {
    await sources(100);
    await put('dist/index.html', 50);
    for (const changed of ['src/pages/templates/list.tsx', 'vite.config.ts', 'index.html', 'package.json', 'public/favicon.svg']) {
      await put(changed, 10);
      expect(await consoleBuildState(webDir), changed).toBe('stale');
      await put(changed, 100);
    }
    expect(await consoleBuildState(webDir)).toBe('fresh');
  });
});

describe('ensureConsoleBuilt', () => {
  it('builds only when needed, and logs how long it took', async () => {
    await sources(100);
    const builds: string[] = [];
    const build = async (dir: string) => {
      builds.push(dir);
      await put('dist/index.html', 0);
    };
    expect(await ensureConsoleBuilt(logger(), { webDir, build })).toBe('missing');
    expect(await ensureConsoleBuilt(logger(), { webDir, build })).toBe('fresh');
    expect(builds).toEqual([webDir]);
    const built = logLines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'web console built');
    expect(built.ms).toEqual(expect.any(Number));
  });

  it('never throws when the build fails', async () => {
    await sources(100);
    const state = await ensureConsoleBuilt(logger(), { webDir, build: async () => Promise.reject(new Error('vite exploded')) });
    expect(state).toBe('missing');
    const failure = logLines.map((line) => JSON.parse(line)).find((entry) => entry.level === 50);
    expect(failure.msg).toContain('npm run build -w @promptops/web');
    expect(failure.err.message).toBe('vite exploded');
  });
});
