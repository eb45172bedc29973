import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { RunComparison, RunView } from '@promptops/domain';
import { NotFoundError } from '@promptops/errors';
import { ApiError, apiClientFromEnv, type ApiClient } from '../api-client';
import {
  comparisonTable,
  countsLine,
  entriesTable,
  entryKey,
  gateOutcome,
  isTerminal,
  preview,
  summaryTables,
  verdictSentence,
  type EntryPreviews,
} from '../evaluations/eval-format';
import { collect, isUuid, passRate, positiveInt, resolveScorers } from '../evaluations/eval-options';
import { SIGNAL_EXIT_CODES, watchRun } from '../evaluations/watch-run';
import { UsageError } from '../usage-error';

interface EvalOptions {
  template?: string;
  scorer?: string[];
  scorersFile?: string;
  concurrency?: number;
  repetitions?: number;
  tag?: string[];
  tagMatch?: 'any' | 'all';
  provider?: string;
  model?: string;
  minPassRate?: number;
  idempotencyKey?: string;
  detach?: boolean;
  json?: boolean;
  apiUrl?: string;
}

interface CompareOptions {
  json?: boolean;
  showEntries?: boolean;
  failOnRegression?: boolean;
  apiUrl?: string;
}

interface DatasetRef {
  id: string;
  name: string;
  /** `name` (follows the version the name resolves to) or `name@N` (pinned); null when untied. */
  template: string | null;
}

const EVAL_EXIT_CODES = `
Exit codes:
  0    the run completed (at or above --min-pass-rate when given); --detach after submitting
  1    the run failed or was cancelled, its pass rate is below --min-pass-rate, or the API
       could not be used (unreachable, refused the key, failed)
  2    usage error: a bad option or scorer, a dataset or template that does not exist, or a
       run request the server rejected
  130  Ctrl-C while waiting: the run is cancelled on the server first (143 for SIGTERM);
       a second Ctrl-C exits at once and leaves the run going`;

const COMPARE_POLL_MS = 500;

const API_URL_HELP = 'API base URL (default $PROMPTOPS_API_URL or http://127.0.0.1:3000)';

/** A dataset id, or an exact name looked up through the list's `q` filter. */
async function resolveDataset(client: ApiClient, ref: string): Promise<DatasetRef> {
  if (isUuid(ref)) {
    try {
      return (await client.request<DatasetRef>('GET', `/v1/datasets/${ref}`)).body;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }
  const similar: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = (await client.request<{ items: DatasetRef[]; total: number }>('GET', `/v1/datasets?q=${encodeURIComponent(ref)}&limit=200&offset=${offset}`))
      .body;
    const exact = page.items.find((dataset) => dataset.name === ref);
    if (exact) return exact;
    similar.push(...page.items.map((dataset) => dataset.name));
    if (page.items.length === 0 || offset + page.items.length >= page.total) break;
  }
  throw new NotFoundError(
    'dataset',
    ref,
    similar.length > 0 ? { similar_names: similar.slice(0, 10) } : {},
    `no dataset has the id or the exact name "${ref}"`,
  );
}

/** Without --template the server runs the dataset's own template (a name: the version it resolves to now). */
function assertTemplateKnown(dataset: DatasetRef, template: string | undefined): void {
  if (!template && !dataset.template) throw new UsageError(`dataset "${dataset.name}" is not tied to a template; name one with --template <ref>`);
}

async function readScorersFile(path: string | undefined): Promise<{ text: string; path: string } | undefined> {
  if (!path) return undefined;
  try {
    return { text: await readFile(path, 'utf8'), path };
  } catch (error) {
    throw new UsageError(`cannot read --scorers-file ${path}: ${(error as Error).message}`);
  }
}

async function runEval(datasetRef: string, options: EvalOptions): Promise<void> {
  const scorers = resolveScorers(options.scorer ?? [], await readScorersFile(options.scorersFile));
  const tags = options.tag ?? [];
  if (options.tagMatch && tags.length === 0) throw new UsageError('--tag-match needs at least one --tag');
  const client = apiClientFromEnv(options.apiUrl);
  const dataset = await resolveDataset(client, datasetRef);
  assertTemplateKnown(dataset, options.template);
  const body = {
    ...(options.template ? { template: options.template } : {}),
    scorers,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.repetitions ? { repetitions: options.repetitions } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    ...(options.tagMatch ? { tag_match: options.tagMatch } : {}),
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.model ? { model: options.model } : {}),
  };
  const headers = options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : undefined;
  const submitted = await client.request<RunView>('POST', `/v1/datasets/${dataset.id}/runs`, body, headers).catch((error: unknown) => {
    // The server judges scorers, tags and overrides; a rejected request is a usage error, not a failed gate.
    if (error instanceof ApiError && (error.status === 400 || error.status === 422))
      throw new UsageError(`the server rejected the run: ${error.message}`, error.details);
    throw error;
  });
  const first = submitted.body;
  if (options.detach) {
    process.stdout.write(options.json ? `${JSON.stringify(first, null, 2)}\n` : `${first.id}\n`);
    return;
  }
  const replay = submitted.status === 200 ? ` (idempotent replay of an earlier submission, now ${first.status})` : '';
  process.stderr.write(`run ${first.id}: dataset "${dataset.name}", template ${first.template_ref}, ${first.progress.total} items${replay}\n`);

  const { run, signal } = await watchRun(client, first);
  process.stdout.write(options.json ? `${JSON.stringify(run, null, 2)}\n` : summaryTables(run));
  if (signal) {
    process.exitCode = SIGNAL_EXIT_CODES[signal];
    return;
  }
  const outcome = gateOutcome(run, options.minPassRate);
  if (outcome.message) (options.json ? process.stderr : process.stdout).write(`${outcome.message}\n`);
  process.exitCode = outcome.exitCode;
}

/** Inputs of the candidate run's items, for the entry tables; skipped for very large runs. */
async function inputPreviews(client: ApiClient, runId: string, wanted: Set<string>): Promise<EntryPreviews> {
  const previews: EntryPreviews = new Map();
  const pageSize = 200;
  for (let offset = 0; offset < 10 * pageSize && previews.size < wanted.size; offset += pageSize) {
    const page = (
      await client.request<{ items: { dataset_entry_id: string; repetition: number; input: unknown }[]; total: number }>(
        'GET',
        `/v1/runs/${runId}/results?limit=${pageSize}&offset=${offset}`,
      )
    ).body;
    for (const item of page.items) if (wanted.has(entryKey(item))) previews.set(entryKey(item), preview(item.input));
    if (offset + page.items.length >= page.total) break;
  }
  return previews;
}

/** The run once finished: runs started with `eval --detach` moments ago are waited for, saying so on stderr. */
async function finishedRun(client: ApiClient, id: string): Promise<RunView> {
  let run = (await client.request<RunView>('GET', `/v1/runs/${id}`)).body;
  if (!isTerminal(run)) process.stderr.write(`waiting for run ${id} to finish (${run.status}, ${run.progress.done} of ${run.progress.total} items done)\n`);
  while (!isTerminal(run)) {
    await new Promise((resolve) => setTimeout(resolve, COMPARE_POLL_MS));
    run = (await client.request<RunView>('GET', `/v1/runs/${id}`)).body;
  }
  return run;
}

async function runCompare(baseId: string, candidateId: string, options: CompareOptions): Promise<void> {
  for (const [label, id] of [
    ['<base-run>', baseId],
    ['<candidate-run>', candidateId],
  ]) {
    if (!isUuid(id as string)) throw new UsageError(`${label} must be a run id (a UUID), got "${id}"`);
  }
  const client = apiClientFromEnv(options.apiUrl);
  const query = `base=${encodeURIComponent(baseId)}&candidate=${encodeURIComponent(candidateId)}`;
  const [base, candidate] = await Promise.all([finishedRun(client, baseId), finishedRun(client, candidateId)]);
  const comparison = (await client.request<RunComparison>('GET', `/v1/runs/compare?${query}`)).body;
  const regressedVerdict = comparison.verdict === 'worse' && options.failOnRegression;
  if (options.json) {
    process.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
  } else {
    const label = (run: RunView) => `${run.id}  ${run.template_ref} (${run.provider}${run.model ? `/${run.model}` : ''}), ${run.status}`;
    const lines = [
      verdictSentence(comparison),
      '',
      `base:      ${label(base)}`,
      `candidate: ${label(candidate)}`,
      comparisonTable(comparison, base, candidate),
      `${countsLine(comparison)}; pass rate and mean score cover these paired items, the other rows each whole run`,
    ];
    if (options.showEntries) {
      const changed = comparison.entries.filter((entry) => entry.change !== 'unchanged');
      const previews = changed.length > 0 ? await inputPreviews(client, candidateId, new Set(changed.map(entryKey))) : new Map<string, string>();
      lines.push('', entriesTable(comparison.entries, 'regressed', previews), '', entriesTable(comparison.entries, 'improved', previews));
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (regressedVerdict) {
    (options.json ? process.stderr : process.stdout).write('FAIL: the candidate is significantly worse than the base (--fail-on-regression)\n');
    process.exitCode = 1;
  }
}

export function registerEvaluationCommands(program: Command): void {
  program
    .command('eval')
    .description('evaluate a template over a dataset on a running server: live progress, summary table, exit 1 under --min-pass-rate')
    .argument('<dataset>', 'dataset id or exact dataset name')
    .option('-t, --template <ref>', 'template id, name or name@N (default: the template the dataset is tied to)')
    .option(
      '-s, --scorer <scorer>',
      'scorer as JSON (\'{"type":"contains","value":"yes"}\') or a type without options: exact_match, contains, not_contains, json_equal; repeatable (default: exact_match)',
      collect,
    )
    .option('--scorers-file <path>', 'JSON file with an array of scorers (or {"scorers": [...]}), used before any --scorer')
    .option('--concurrency <n>', 'executions in flight at once (server default 10)', positiveInt)
    .option('--repetitions <n>', 'times each entry is executed (default 1)', positiveInt)
    .option('--tag <tag>', 'only entries with this tag; repeatable', collect)
    .addOption(new Option('--tag-match <mode>', 'entries with any (default) or all of the --tag values').choices(['any', 'all']))
    .option('--provider <name>', 'override the provider')
    .option('--model <name>', 'override the model')
    .option('--min-pass-rate <rate>', 'exit 1 when the pass rate is below this fraction (0.9) or percentage (90%)', passRate)
    .option('--idempotency-key <key>', 'repeat-safe submission: the same key returns the same run')
    .option('--detach', 'print the run id and exit 0 without waiting')
    .option('--json', 'print the final run record as JSON instead of the tables')
    .option('--api-url <url>', API_URL_HELP)
    .addHelpText('after', EVAL_EXIT_CODES)
    .action((dataset: string, options: EvalOptions) => runEval(dataset, options));

  program
    .command('compare')
    .description('compare two runs over the same dataset (waiting for them to finish): verdict with significance tests, metric deltas, changed entries')
    .argument('<base-run>', 'id of the run compared against')
    .argument('<candidate-run>', 'id of the run being judged')
    .option('--show-entries', 'list the regressed and improved entries')
    .option('--fail-on-regression', 'exit 1 when the candidate is significantly worse than the base')
    .option('--json', 'print the comparison record as JSON')
    .option('--api-url <url>', API_URL_HELP)
    .addHelpText(
      'after',
      '\nExit codes: 0 compared; 1 the verdict is "worse" with --fail-on-regression, or the API could not be used; 2 usage error (such as a run that does not exist)',
    )
    .action((base: string, candidate: string, options: CompareOptions) => runCompare(base, candidate, options));
}
