import { type Command, InvalidArgumentError } from 'commander';
import type { ExecutionDto } from '@promptops/domain';
import { apiClientFromEnv, type ApiClient } from '../api-client';
import { readContext } from '../context-input';

interface ClientOptions {
  apiUrl?: string;
  wait: number;
  idempotencyKey?: string;
  provider?: string;
  model?: string;
  json?: boolean;
}

/** Submits, then polls until the execution is terminal or the wait budget is spent. */
async function submitAndWait(client: ApiClient, path: string, body: unknown, options: ClientOptions): Promise<ExecutionDto | { id: string; status: string }> {
  const headers = options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : undefined;
  const first = await client.request<ExecutionDto | { id: string; status: string }>('POST', `${path}?wait=${Math.min(options.wait, 60)}`, body, headers);
  let execution = first.body;
  const deadline = Date.now() + options.wait * 1000;
  while (['queued', 'running'].includes(execution.status) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    execution = (await client.request<ExecutionDto>('GET', `/v1/executions/${execution.id}`)).body;
  }
  return execution;
}

function printExecution(execution: ExecutionDto | { id: string; status: string }, json: boolean | undefined): void {
  if (json || !('kind' in execution)) {
    process.stdout.write(`${JSON.stringify(execution, null, 2)}\n`);
    return;
  }
  const lines = [
    `execution ${execution.id}: ${execution.status}${execution.failure_kind ? ` (${execution.failure_kind})` : ''}`,
    `provider ${execution.provider}, model ${execution.model}, attempts ${execution.attempts}, ${execution.execution_time_ms ?? '?'} ms`,
    `tokens ${execution.prompt_tokens} + ${execution.completion_tokens} = ${execution.total_tokens}, cost ${execution.cost_usd === null ? 'unknown' : `$${execution.cost_usd.toFixed(6)}`}`,
  ];
  if (execution.error_message) lines.push(`error: ${execution.error_message}`);
  if (execution.generated_template_id) lines.push(`generated template: ${execution.generated_template_id}`);
  lines.push('--- output ---', execution.parsed_output !== null ? JSON.stringify(execution.parsed_output, null, 2) : (execution.response_text ?? ''));
  process.stdout.write(`${lines.join('\n')}\n`);
  if (execution.status === 'failed') process.exitCode = 1;
}

/** Commander option parser: a whole number of seconds, 0 or more. */
function seconds(value: string): number {
  if (!/^\d{1,6}$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number of seconds');
  return Number(value);
}

function withClientOptions(command: Command): Command {
  return command
    .option('--api-url <url>', 'API base URL (default $PROMPTOPS_API_URL or http://127.0.0.1:3000)')
    .option('--wait <seconds>', 'seconds to wait for the result', seconds, 60)
    .option('--idempotency-key <key>', 'repeat-safe submission key')
    .option('--provider <name>', 'override the provider')
    .option('--model <name>', 'override the model')
    .option('--json', 'print the whole execution record as JSON');
}

const overrides = (options: ClientOptions) => ({
  ...(options.provider ? { provider: options.provider } : {}),
  ...(options.model ? { model: options.model } : {}),
});

export function registerExecutionCommands(program: Command): void {
  withClientOptions(
    program
      .command('exec')
      .description('run a template through the queue on a running server and print the result')
      .argument('<template>', 'template name, name@N, or id')
      .option('-c, --context <json>', 'context as inline JSON')
      .option('-f, --context-file <path>', 'context from a JSON file ("-" for stdin)'),
  ).action(async (ref: string, options: ClientOptions & { context?: string; contextFile?: string }) => {
    const client = apiClientFromEnv(options.apiUrl);
    const context = await readContext(options);
    printExecution(await submitAndWait(client, '/v1/executions', { template: ref, context, ...overrides(options) }, options), options.json);
  });

  withClientOptions(
    program
      .command('generate')
      .description('have the model write a new draft template from a description')
      .argument('<description>', 'what the new prompt should do')
      .option('--name <name>', 'name for the draft template')
      .option('--category <category>', 'category for the draft template')
      .option('--input-context <text>', 'example input or background for the prompt'),
  ).action(async (description: string, options: ClientOptions & { name?: string; category?: string; inputContext?: string }) => {
    const client = apiClientFromEnv(options.apiUrl);
    const body = {
      description,
      ...(options.name ? { name: options.name } : {}),
      ...(options.category ? { category: options.category } : {}),
      ...(options.inputContext ? { input_context: options.inputContext } : {}),
      ...overrides(options),
    };
    printExecution(await submitAndWait(client, '/v1/templates/generate', body, options), options.json);
  });
}
