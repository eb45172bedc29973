/** Builds the web console and weighs what a browser downloads, gzipped as a server would send it. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const WEB_ROOT = fileURLToPath(new URL('../apps/web/', import.meta.url));

/**
 * The build of `npm run build -w @promptops/web` (and of the end-to-end tests' global setup) from
 * the current sources, written to `outDir` rather than apps/web/dist, which other builds may
 * replace while the bench runs. Returns the seconds it took.
 */
export async function buildConsole(outDir: string): Promise<number> {
  const started = performance.now();
  await build({ root: WEB_ROOT, logLevel: 'warn', configFile: path.join(WEB_ROOT, 'vite.config.ts'), build: { outDir, emptyOutDir: true } });
  return (performance.now() - started) / 1000;
}

export interface WeighedFile {
  /** The URL path the page uses, e.g. /assets/index-abc.js. */
  url: string;
  raw: number;
  gzip: number;
}

export interface ConsoleBundle {
  /** The entry module and its modulepreloads: the JavaScript every page needs before it renders. */
  firstLoadJs: WeighedFile[];
  css: WeighedFile[];
  /** Every other chunk, loaded when a route needs it, largest first. */
  lazyJs: WeighedFile[];
  /** Gzipped size of every asset by URL path, to weigh what a page actually fetched. */
  gzipByUrl: Map<string, number>;
}

const tagsOf = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'gi'))].map((match) => match[0]);

function attributesOf(tagText: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, name, doubleQuoted, singleQuoted, bare] of tagText.matchAll(/([a-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gi)) {
    if (name) attributes[name.toLowerCase()] = doubleQuoted ?? singleQuoted ?? bare ?? '';
  }
  return attributes;
}

/** The URLs index.html loads up front: module scripts, modulepreloads and stylesheets. */
export function firstLoadUrls(html: string): { js: string[]; css: string[] } {
  const scripts = tagsOf(html, 'script')
    .map(attributesOf)
    .flatMap((a) => (a.type === 'module' && a.src ? [a.src] : []));
  const links = tagsOf(html, 'link').map(attributesOf);
  const hrefsOf = (rel: string) => links.flatMap((a) => (a.rel === rel && a.href ? [a.href] : []));
  const preloads = hrefsOf('modulepreload');
  const css = hrefsOf('stylesheet');
  if (scripts.length === 0) throw new Error('dist/index.html has no <script type="module" src>: is the build broken?');
  return { js: [...new Set([...scripts, ...preloads])], css };
}

async function weigh(distDir: string, url: string): Promise<WeighedFile> {
  const body = await readFile(path.join(distDir, url.replace(/^\//, '')));
  return { url, raw: body.length, gzip: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length };
}

/** Weighs the build in `distDir`: index.html's up-front JavaScript and CSS, and every other chunk. */
export async function weighConsole(distDir: string): Promise<ConsoleBundle> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const upFront = firstLoadUrls(html);
  const assets = (await readdir(path.join(distDir, 'assets'))).map((file) => `/assets/${file}`);
  const weighed = await Promise.all(assets.map((url) => weigh(distDir, url)));
  const byUrl = new Map(weighed.map((file) => [file.url, file]));
  const pick = (urls: string[]) =>
    urls.map((url) => {
      const file = byUrl.get(url);
      if (!file) throw new Error(`index.html loads ${url}, which is not in dist/assets`);
      return file;
    });
  const firstLoad = new Set(upFront.js);
  return {
    firstLoadJs: pick(upFront.js),
    css: pick(upFront.css),
    lazyJs: weighed.filter((file) => file.url.endsWith('.js') && !firstLoad.has(file.url)).sort((a, b) => b.gzip - a.gzip),
    gzipByUrl: new Map(weighed.map((file) => [file.url, file.gzip])),
  };
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const sumGzip = (files: WeighedFile[]) => files.reduce((total, file) => total + file.gzip, 0);
