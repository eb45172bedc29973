import { Argument, InvalidArgumentError, Option, type Command } from 'commander';
import type { AnalyticsSeries, TopTemplates } from '@promptops/domain';
import { apiClientFromEnv } from '../api-client';
import { formatSeries, formatTop } from '../analytics/analytics-format';
import { UsageError } from '../usage-error';
import { duration, instant, rangeParams, templateParams, versionNumber, type RangeOptions } from '../analytics/analytics-options';

interface AnalyticsOptions extends RangeOptions {
  apiUrl?: string;
  provider?: string;
  model?: string;
  json?: boolean;
  template?: string;
  version?: number;
  bucket?: 'hour' | 'day';
  totals?: boolean;
  by?: 'cost' | 'failures';
  limit?: number;
}

const scopeParams = (options: AnalyticsOptions) => ({
  ...(options.provider ? { provider: options.provider } : {}),
  ...(options.model ? { model: options.model } : {}),
});

const print = (json: boolean | undefined, body: unknown, text: () => string) => process.stdout.write(json ? `${JSON.stringify(body, null, 2)}\n` : text());

async function showSeries(options: AnalyticsOptions): Promise<void> {
  if (options.by !== undefined || options.limit !== undefined) throw new UsageError('--by and --limit go with `promptops analytics top`');
  const params = new URLSearchParams({
    ...templateParams(options.template, options.version),
    ...scopeParams(options),
    ...rangeParams(options),
    ...(options.bucket ? { bucket: options.bucket } : {}),
  });
  const { body } = await apiClientFromEnv(options.apiUrl).request<AnalyticsSeries>('GET', `/v1/analytics/series?${params}`);
  print(options.json, body, () => formatSeries(body, options.totals === true));
}

async function showTop(options: AnalyticsOptions): Promise<void> {
  if (options.by === undefined) throw new UsageError('`promptops analytics top` needs --by cost or --by failures');
  if (options.template !== undefined || options.version !== undefined || options.bucket !== undefined || options.totals) {
    throw new UsageError('`promptops analytics top` ranks every template: --template, --version, --bucket and --totals do not apply');
  }
  const params = new URLSearchParams({
    by: options.by,
    ...scopeParams(options),
    ...rangeParams(options),
    ...(options.limit ? { limit: String(options.limit) } : {}),
  });
  const { body } = await apiClientFromEnv(options.apiUrl).request<TopTemplates>('GET', `/v1/analytics/top?${params}`);
  print(options.json, body, () => formatTop(body));
}

/** Commander parser for `--limit`: 1 to 50. */
function limit(value: string): number {
  const parsed = Number(value);
  if (!/^\d{1,2}$/.test(value.trim()) || parsed < 1 || parsed > 50) throw new InvalidArgumentError('expected a whole number from 1 to 50');
  return parsed;
}

/**
 * `promptops analytics [top]`: one command with `top` as an optional argument rather than a
 * subcommand, so the options both share (range, provider, --json) parse the same wherever they stand.
 */
export function registerAnalyticsCommands(program: Command): void {
  program
    .command('analytics')
    .description('executions, success rate, tokens, cost and latency over time from a running server; `top`: templates ranked by cost or failures')
    .addArgument(new Argument('[view]', 'top: template names ranked by --by').choices(['top']))
    .option('--template <name>', 'one template name (all its versions), or name@N for one version')
    .option('--version <n>', 'one version of --template', versionNumber)
    .option('--provider <name>', 'only executions on this provider')
    .option('--model <name>', 'only executions on this model')
    .option('--since <duration>', 'the last 90m, 24h, 7d, 2w... (default 7d)', duration)
    .option('--from <date>', 'start of the range (ISO 8601, UTC unless it says otherwise)', instant)
    .option('--to <date>', 'end of the range, exclusive (default now)', instant)
    .addOption(new Option('--bucket <size>', 'one row per hour or per UTC day (default hour up to 7 days, day beyond)').choices(['hour', 'day']))
    .option('--totals', 'only the totals (and, for a template, each version), not the rows per bucket')
    .addOption(new Option('--by <what>', 'with top: rank by total cost or by failed executions').choices(['cost', 'failures']))
    .option('--limit <n>', 'with top: how many (default 10, at most 50)', limit)
    .option('--api-url <url>', 'API base URL (default $PROMPTOPS_API_URL or http://127.0.0.1:3000)')
    .option('--json', 'print the API answer as JSON')
    .action((view: 'top' | undefined, options: AnalyticsOptions) => (view === 'top' ? showTop(options) : showSeries(options)));
}
