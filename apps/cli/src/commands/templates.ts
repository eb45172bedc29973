import type { Command } from 'commander';
import { readContext } from '../context-input';
import { outputTable } from '../terminal';
import { withPlatform } from '../with-platform';

export function registerTemplateCommands(program: Command): void {
  program
    .command('seed')
    .description('create the built-in templates that do not exist yet (idempotent)')
    .option('--examples', "also the README's example data: the Capital Finder template (versions 1 and 2) and the Capitals dataset")
    .action((options: { examples?: boolean }) =>
      withPlatform(async ({ services }) => {
        const { seedBuiltinTemplates, seedExamples } = await import('@promptops/domain');
        const reports = [await seedBuiltinTemplates(services), ...(options.examples ? [await seedExamples(services)] : [])];
        const created = reports.flatMap((report) => report.created);
        const skipped = reports.flatMap((report) => report.skipped);
        const upgraded = reports.flatMap((report) => report.upgraded);
        if (created.length > 0) process.stdout.write(`created: ${created.join(', ')}\n`);
        if (upgraded.length > 0) process.stdout.write(`upgraded to a new version: ${upgraded.join(', ')}\n`);
        if (skipped.length > 0) process.stdout.write(`already present: ${skipped.join(', ')}\n`);
      }),
    );

  program
    .command('render')
    .description('render a template (by name, name@N or id) with a context, without calling a model')
    .argument('<template>', 'template name, name@N, or id')
    .option('-c, --context <json>', 'context as inline JSON')
    .option('-f, --context-file <path>', 'context from a JSON file ("-" for stdin)')
    .option('--json', 'print {system_prompt, user_prompt} as JSON')
    .action((ref: string, options: { context?: string; contextFile?: string; json?: boolean }) =>
      withPlatform(async ({ services }) => {
        const context = await readContext(options);
        const rendered = await services.templates.renderPreview(ref, context);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(rendered, null, 2)}\n`);
          return;
        }
        process.stdout.write(`--- system ---\n${rendered.system_prompt}\n--- user ---\n${rendered.user_prompt}\n`);
      }),
    );

  program
    .command('list')
    .description('print the saved templates as a table (the version each name resolves to, unless --all)')
    .option('--all', 'every version, including inactive ones')
    .option('--category <category>', 'only this category')
    .option('-q, --search <text>', 'only names or descriptions containing this text')
    .action((options: { all?: boolean; category?: string; search?: string }) =>
      withPlatform(async ({ services }) => {
        const page = await services.templates.list({
          limit: 200,
          offset: 0,
          latest_only: !options.all,
          ...(options.category ? { category: options.category as never } : {}),
          ...(options.search ? { q: options.search } : {}),
        });
        const table = outputTable(['name', 'version', 'category', 'provider', 'model', 'active', 'uses', 'id']);
        for (const t of page.items) {
          table.push([t.name, t.version_number, t.category, t.provider, t.model || '(default)', t.is_active ? 'yes' : 'no', t.usage_count, t.id]);
        }
        process.stdout.write(`${table.toString()}\n${page.items.length} of ${page.total} template(s)\n`);
      }),
    );
}
