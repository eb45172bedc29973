#!/usr/bin/env node
// The `promptops` command (`npx promptops ...` in a checkout). In a checkout it runs the TypeScript
// sources through tsx in this same process, so it is always the code in the tree and signals reach
// it directly; where only the build ships (the Docker image) it runs the compiled bundle.
import { existsSync } from 'node:fs';

const sources = new URL('../src/main.ts', import.meta.url);
if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(sources.href);
} else {
  await import(new URL('../dist/main.js', import.meta.url).href);
}
