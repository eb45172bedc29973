import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Vitest global setup of the end-to-end project: builds the console once from the current sources,
 * before any test file starts its server, so the browser always tests what is in the tree.
 */
export default async function buildConsole(): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  await build({ root, logLevel: 'warn', configFile: `${root}vite.config.ts` });
}
