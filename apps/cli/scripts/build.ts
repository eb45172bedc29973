/**
 * Compiles the server to JavaScript in apps/cli/dist, what the Docker image runs with plain `node`:
 *
 *   dist/main.js                  the `promptops` command (serve, worker, start, db, keys, ...), with
 *                                 every @promptops/* workspace package inlined; npm dependencies stay
 *                                 external and load from node_modules, so the image installs them
 *                                 with `npm ci --omit=dev`
 *   dist/render-worker-entry.mjs  the render pool's worker thread, beside the code that starts the
 *                                 pool: prompt-renderer.ts loads `./render-worker-entry.mjs` next to
 *                                 itself, which in the sources is a shim loading render-worker.ts
 *                                 through tsx, and here is that handler compiled
 *
 * Why esbuild and not TypeScript project references or tsup: the workspace packages export their
 * TypeScript sources (for tsx, Vite and Vitest alike), so emitting each one would mean a second set
 * of package exports and a build order for every test run; one bundle leaves them as they are.
 * esbuild is the compiler tsx already runs on these sources, so the bundle gets the same
 * transform, and its API takes the two outputs above in a few lines, where tsup would add a
 * wrapper around the same compiler. Types are checked by `tsc --noEmit` before this runs.
 *
 * `npm run build` runs it (`npx tsx apps/cli/scripts/build.ts` alone skips the type check). The output
 * must stay in apps/cli/dist: it finds node_modules, the console's build and the render worker by
 * paths relative to itself.
 */
import { existsSync, realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const CLI_ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = path.join(CLI_ROOT, 'dist');
const RENDER_HOST_SRC = fileURLToPath(new URL('../../../packages/rendering/src/host', import.meta.url));

/** The directory of the copy of package `name` that Node loads for an import in `fromDir`, or null. */
function installedCopy(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    if (path.dirname(dir) === dir) return null;
  }
}

const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Workspace packages (`@promptops/*`) are compiled in; every other bare import loads from
 * node_modules, as seen from dist/, so from the hoisted copy. A workspace that needs another
 * version of a package than the hoisted one (npm then nests it beside that workspace, as with
 * lru-cache) gets its own copy compiled in, since dist/ could not reach it.
 */
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@promptops/')) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const name = packageName(args.path);
      return installedCopy(name, args.resolveDir) === installedCopy(name, OUT_DIR) ? { path: args.path, external: true } : undefined;
    });
  },
};

const COMMON: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // With `node --enable-source-maps` (as the image runs it) stack traces name the TypeScript sources.
  sourcemap: true,
  plugins: [npmPackagesExternal],
  logLevel: 'warning',
};

/** Writes the bundle to apps/cli/dist (replacing it) and returns the files written. */
export async function buildCli(): Promise<string[]> {
  const outdir = OUT_DIR;
  await rm(outdir, { recursive: true, force: true });
  const [main, worker] = await Promise.all([
    build({
      ...COMMON,
      entryPoints: { main: path.join(CLI_ROOT, 'src/main.ts') },
      outdir,
      // Commands load the server's code only when they run it (see commands/serve.ts): chunks keep
      // that. They sit beside main.js, since paths in the code are relative to `import.meta.url`.
      splitting: true,
      metafile: true,
    }),
    build({
      ...COMMON,
      stdin: {
        contents: "export { handleTask as default } from './render-worker.ts';",
        resolveDir: RENDER_HOST_SRC,
        sourcefile: 'render-worker-entry.ts',
        loader: 'ts',
      },
      outfile: path.join(outdir, 'render-worker-entry.mjs'),
      metafile: true,
    }),
  ]);
  return [...Object.keys(main.metafile.outputs), ...Object.keys(worker.metafile.outputs)].filter((file) => !file.endsWith('.map'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await buildCli();
  process.stdout.write(`built ${files.length} files in apps/cli/dist\n`);
}
