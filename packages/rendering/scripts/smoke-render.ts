// Smoke check of the worker pool outside vitest: `npx tsx packages/rendering/scripts/smoke-render.ts`.
// Proves the .mjs worker entry loads the TypeScript handler under plain tsx and that a hostile
// render does not delay a normal one.
import { createPromptRenderer } from '../src/index';

const renderer = createPromptRenderer();
try {
  const coldStart = Date.now();
  console.log(`render: ${JSON.stringify(await renderer.render('Hello {{ name }}!', { name: 'world' }))} (${Date.now() - coldStart} ms cold)`);

  const started = Date.now();
  const hostile = renderer.render('{% for a in range(100000) %}{% for b in range(100000) %}{{ b }}{% endfor %}{% endfor %}', {}).then(
    () => 'hostile render unexpectedly succeeded',
    (error: Error) => `hostile render rejected after ${Date.now() - started} ms: ${error.message}`,
  );
  const normal = renderer.render('{{ 6 * 7 }}', {}).then((output) => `normal render "${output}" after ${Date.now() - started} ms`);
  console.log(await normal);
  console.log(await hostile);
  console.log(`sandbox intact: ${await renderer.probeSandbox()}`);
} finally {
  await renderer.close();
}
