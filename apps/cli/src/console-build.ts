import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@promptops/config';

/** apps/web: the console's sources, and its build in dist/ that the API serves. */
export const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));

/** What the build reads; a change to any of them makes dist/ stale. */
const SOURCE_DIRS = ['src', 'public'];
const SOURCE_FILES = ['index.html', 'vite.config.ts', 'package.json'];

/**
 * `no_sources`: only the build ships (a production image), so there is nothing to build from;
 * `missing`: no dist/index.html; `stale`: a source changed after the last build.
 */
export type ConsoleBuildState = 'fresh' | 'stale' | 'missing' | 'no_sources';

async function mtimeOf(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function newestSourceMtime(webDir: string): Promise<number> {
  const files = SOURCE_FILES.map((name) => path.join(webDir, name));
  for (const dir of SOURCE_DIRS) {
    const entries = await readdir(path.join(webDir, dir), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
  }
  const mtimes = await Promise.all(files.map(mtimeOf));
  return Math.max(0, ...mtimes.filter((mtime): mtime is number => mtime !== undefined));
}

/** Whether the console's build in `webDir`/dist is there and newer than every source it is built from. */
export async function consoleBuildState(webDir: string): Promise<ConsoleBuildState> {
  const hasSources = (await mtimeOf(path.join(webDir, 'src'))) !== undefined && (await mtimeOf(path.join(webDir, 'package.json'))) !== undefined;
  if (!hasSources) return 'no_sources';
  const built = await mtimeOf(path.join(webDir, 'dist', 'index.html'));
  if (built === undefined) return 'missing';
  return (await newestSourceMtime(webDir)) > built ? 'stale' : 'fresh';
}

/** Runs the console's Vite build through npm, its output on stderr so stdout keeps only the logs. */
function runViteBuild(webDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '-w', '@promptops/web'], { cwd: path.resolve(webDir, '../..'), stdio: ['ignore', 2, 2] });
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`the build exited with ${signal ?? `code ${code}`}`))));
  });
}

/**
 * Builds the console when its build is missing or older than its sources, so `npm start` serves the
 * current console without a separate step. Never throws: a failed build is logged, and the API
 * still starts and shows the "console not built" page.
 */
export async function ensureConsoleBuilt(
  logger: Logger,
  options: { webDir?: string; build?: (webDir: string) => Promise<void> } = {},
): Promise<ConsoleBuildState> {
  const webDir = options.webDir ?? WEB_DIR;
  const build = options.build ?? runViteBuild;
  const state = await consoleBuildState(webDir);
  if (state === 'fresh' || state === 'no_sources') return state;
  logger.info({ reason: state }, 'building the web console');
  const started = performance.now();
  try {
    await build(webDir);
    logger.info({ ms: Math.round(performance.now() - started) }, 'web console built');
  } catch (error) {
    logger.error({ err: error }, 'building the web console failed; the API serves a "console not built" page until `npm run build -w @promptops/web` succeeds');
  }
  return state;
}
