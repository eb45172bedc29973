import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Vitest global setup of the end-to-end project: builds the console once from the current sources,
 * before any test file starts its server, so the browser always tests what is in the tree.
 */
export default async function buildConsole(): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // Vite takes NODE_ENV from the environment, and vitest sets it to `test`: that would ship React's
  // development build. Build what users get, then give vitest its setting back.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn', configFile: `${root}vite.config.ts`, mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
