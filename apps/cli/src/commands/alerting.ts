import { InvalidArgumentError, Option, type Command } from 'commander';
import type { AlertRuleView, AlertView, BudgetView, CreatedWebhook, DeliveryView, WebhookView } from '@promptops/domain';
import { apiClientFromEnv } from '../api-client';
import { outputTable } from '../terminal';
import { UsageError } from '../usage-error';

interface CommonOptions {
  apiUrl?: string;
  json?: boolean;
}

const print = (json: boolean | undefined, body: unknown, text: () => string) =>
  process.stdout.write(json ? `${JSON.stringify(body, null, 2)}\n` : `${text()}\n`);
const api = (options: CommonOptions) => apiClientFromEnv(options.apiUrl);
const common = (command: Command) =>
  command.option('--api-url <url>', 'API base URL (default $PROMPTOPS_API_URL or http://127.0.0.1:3000)').option('--json', 'print the API answer as JSON');

function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a number above 0');
  return parsed;
}

function percents(value: string): number[] {
  const parsed = value.split(',').map((part) => Number(part.trim().replace(/%$/, '')));
  if (parsed.some((n) => !Number.isInteger(n) || n < 1 || n > 1000)) throw new InvalidArgumentError('expected whole percents such as 50,80,100');
  return parsed;
}

const amountOf = (metric: string, value: number) => (metric === 'usd' ? `$${value.toFixed(2)}` : `${Math.round(value)} tokens`);

function budgetTable(budgets: BudgetView[]): string {
  const table = outputTable(['id', 'name', 'scope', 'period', 'spent', 'amount', '%', 'thresholds', 'hard']);
  for (const b of budgets) {
    const scope = b.scope.kind === 'global' ? 'global' : `${b.scope.kind}:${b.scope.value}`;
    table.push([
      b.id,
      b.name,
      scope,
      b.period,
      amountOf(b.metric, b.current.spent),
      amountOf(b.metric, b.amount),
      `${(b.current.ratio * 100).toFixed(1)}%`,
      b.thresholds.join(','),
      b.hard_limit ? 'yes' : 'no',
    ]);
  }
  return table.toString();
}

function registerBudgets(program: Command): void {
  const budgets = program.command('budgets').description('spending budgets on a running server: per template, provider or everything, per UTC day or month');
  common(budgets.command('list').description('every budget with its spend this period')).action(async (options: CommonOptions) => {
    const { body } = await api(options).request<{ items: BudgetView[] }>('GET', '/v1/budgets');
    print(options.json, body, () => budgetTable(body.items));
  });
  common(
    budgets
      .command('create')
      .description('create a budget (admin key)')
      .requiredOption('--name <name>', 'a name for it')
      .requiredOption('--amount <n>', 'USD, or tokens with --metric tokens', positiveNumber)
      .addOption(new Option('--period <period>', 'UTC day or calendar month').choices(['day', 'month']).default('month'))
      .addOption(new Option('--metric <metric>', 'what is counted').choices(['usd', 'tokens']).default('usd'))
      .option('--template <name>', 'only this template name')
      .option('--provider <name>', 'only this provider')
      .option('--thresholds <percents>', 'alert at these percents of the amount (default 50,80,100)', percents)
      .option('--hard-limit', 'refuse new submissions in scope (429) once 100 % is spent'),
  ).action(
    async (
      options: CommonOptions & {
        name: string;
        amount: number;
        period: string;
        metric: string;
        template?: string;
        provider?: string;
        thresholds?: number[];
        hardLimit?: boolean;
      },
    ) => {
      if (options.template && options.provider) throw new UsageError('a budget watches a template or a provider, not both');
      const scope = options.template
        ? { kind: 'template', value: options.template }
        : options.provider
          ? { kind: 'provider', value: options.provider }
          : { kind: 'global' };
      const { body } = await api(options).request<BudgetView>('POST', '/v1/budgets', {
        name: options.name,
        scope,
        period: options.period,
        metric: options.metric,
        amount: options.amount,
        ...(options.thresholds ? { thresholds: options.thresholds } : {}),
        ...(options.hardLimit ? { hard_limit: true } : {}),
      });
      print(options.json, body, () => budgetTable([body]));
    },
  );
  common(budgets.command('delete').description('delete a budget (admin key); its alerts stay').argument('<id>', 'budget id (see `budgets list`)')).action(
    async (id: string, options: CommonOptions) => {
      const { body } = await api(options).request('DELETE', `/v1/budgets/${encodeURIComponent(id)}`);
      print(options.json, body, () => `deleted budget ${id}`);
    },
  );
  common(
    budgets
      .command('update')
      .description('change a budget (admin key): raising the amount lifts a hard limit at once')
      .argument('<id>', 'budget id (see `budgets list`)')
      .option('--amount <n>', 'new amount', positiveNumber)
      .option('--thresholds <percents>', 'alert at these percents of the amount', percents)
      .option('--hard-limit', 'refuse new submissions in scope once spent')
      .option('--no-hard-limit', 'only alert, never refuse'),
  ).action(async (id: string, options: CommonOptions & { amount?: number; thresholds?: number[]; hardLimit?: boolean }) => {
    const changes = {
      ...(options.amount === undefined ? {} : { amount: options.amount }),
      ...(options.thresholds ? { thresholds: options.thresholds } : {}),
      ...(options.hardLimit === undefined ? {} : { hard_limit: options.hardLimit }),
    };
    if (Object.keys(changes).length === 0) throw new UsageError('nothing to change: give --amount, --thresholds, --hard-limit or --no-hard-limit');
    const { body } = await api(options).request<BudgetView>('PATCH', `/v1/budgets/${encodeURIComponent(id)}`, changes);
    print(options.json, body, () => budgetTable([body]));
  });
}

function ruleTable(rules: AlertRuleView[]): string {
  const table = outputTable(['id', 'name', 'scope', 'metric', 'above', 'window', 'min executions', 'enabled']);
  for (const r of rules) {
    const scope = r.scope.kind === 'global' ? 'global' : `${r.scope.kind}:${r.scope.value}`;
    const above = r.metric === 'failure_rate' ? `${(r.threshold * 100).toFixed(1)}%` : `${r.threshold} ms`;
    table.push([r.id, r.name, scope, r.metric, above, `${r.window_minutes} min`, String(r.min_executions), r.enabled ? 'yes' : 'no']);
  }
  return table.toString();
}

function registerAlertRules(program: Command): void {
  const rules = program.command('alert-rules').description('alert rules on failure rate or p95 latency over a window, on a running server');
  common(rules.command('list').description('every alert rule')).action(async (options: CommonOptions) => {
    const { body } = await api(options).request<{ items: AlertRuleView[] }>('GET', '/v1/alert-rules');
    print(options.json, body, () => ruleTable(body.items));
  });
  common(
    rules
      .command('create')
      .description('create an alert rule (admin key)')
      .requiredOption('--name <name>', 'a name for it')
      .addOption(new Option('--metric <metric>', 'what is watched').choices(['failure_rate', 'p95_latency_ms']).makeOptionMandatory())
      .requiredOption('--above <n>', 'fires above this: a percent for failure_rate (e.g. 20%), milliseconds for p95_latency_ms', (value) =>
        positiveNumber(value.replace(/%$/, '')),
      )
      .option('--window <minutes>', 'the window judged', positiveNumber, 15)
      .option('--min-executions <n>', 'finished executions the window needs first (default 10)', positiveNumber)
      .option('--template <name>', 'only this template name')
      .option('--provider <name>', 'only this provider'),
  ).action(
    async (
      options: CommonOptions & { name: string; metric: string; above: number; window: number; minExecutions?: number; template?: string; provider?: string },
    ) => {
      if (options.template && options.provider) throw new UsageError('a rule watches a template or a provider, not both');
      const scope = options.template
        ? { kind: 'template', value: options.template }
        : options.provider
          ? { kind: 'provider', value: options.provider }
          : { kind: 'global' };
      const { body } = await api(options).request<AlertRuleView>('POST', '/v1/alert-rules', {
        name: options.name,
        metric: options.metric,
        scope,
        window_minutes: options.window,
        threshold: options.metric === 'failure_rate' ? options.above / 100 : options.above,
        ...(options.minExecutions ? { min_executions: options.minExecutions } : {}),
      });
      print(options.json, body, () => ruleTable([body]));
    },
  );
  common(rules.command('delete').description('delete an alert rule (admin key); its alerts stay').argument('<id>', 'rule id (see `alert-rules list`)')).action(
    async (id: string, options: CommonOptions) => {
      const { body } = await api(options).request('DELETE', `/v1/alert-rules/${encodeURIComponent(id)}`);
      print(options.json, body, () => `deleted alert rule ${id}`);
    },
  );
}

function registerAlerts(program: Command): void {
  common(
    program
      .command('alerts')
      .description('alerts from budgets and alert rules, newest first')
      .option('--unacknowledged', 'only alerts nobody acknowledged yet'),
  ).action(async (options: CommonOptions & { unacknowledged?: boolean }) => {
    const { body } = await api(options).request<{ items: AlertView[]; total: number }>(
      'GET',
      `/v1/alerts?limit=200${options.unacknowledged ? '&acknowledged=false' : ''}`,
    );
    print(options.json, body, () => {
      const table = outputTable(['id', 'when', 'kind', 'message', 'acknowledged']);
      for (const a of body.items) table.push([a.id, a.created_at, a.kind, a.message, a.acknowledged_at ?? '-']);
      return `${table.toString()}\n${body.total} alert(s)`;
    });
  });
}

function registerAcknowledge(program: Command): void {
  common(program.command('ack').description('acknowledge an alert (write key)').argument('<id>', 'alert id (see `alerts`)')).action(
    async (id: string, options: CommonOptions) => {
      const { body } = await api(options).request<AlertView>('POST', `/v1/alerts/${encodeURIComponent(id)}/acknowledge`);
      print(options.json, body, () => `acknowledged alert ${id} at ${body.acknowledged_at}`);
    },
  );
}

function registerWebhooks(program: Command): void {
  const webhooks = program.command('webhooks').description('where alerts are POSTed, signed with HMAC-SHA256');
  common(webhooks.command('list').description('every webhook')).action(async (options: CommonOptions) => {
    const { body } = await api(options).request<{ items: WebhookView[] }>('GET', '/v1/webhooks');
    print(options.json, body, () => {
      const table = outputTable(['id', 'url', 'description', 'enabled', 'created']);
      for (const w of body.items) table.push([w.id, w.url, w.description, w.enabled ? 'yes' : 'no', w.created_at]);
      return table.toString();
    });
  });
  common(
    webhooks
      .command('create')
      .description('add a webhook (admin key) and print its signing secret, once')
      .argument('<url>', 'http(s) URL')
      .option('--description <text>', 'what it is for'),
  ).action(async (url: string, options: CommonOptions & { description?: string }) => {
    const { body } = await api(options).request<CreatedWebhook>('POST', '/v1/webhooks', {
      url,
      ...(options.description ? { description: options.description } : {}),
    });
    print(options.json, body, () => `created webhook ${body.id}\nsigning secret (shown once, store it now): ${body.secret}`);
  });
  common(webhooks.command('delete').description('delete a webhook and its delivery log (admin key)').argument('<id>', 'webhook id')).action(
    async (id: string, options: CommonOptions) => {
      const { body } = await api(options).request('DELETE', `/v1/webhooks/${encodeURIComponent(id)}`);
      print(options.json, body, () => `deleted webhook ${id}`);
    },
  );
  common(webhooks.command('test').description('send a signed test ping now and print the answer (admin key)').argument('<id>', 'webhook id')).action(
    async (id: string, options: CommonOptions) => {
      const { body } = await api(options).request<DeliveryView>('POST', `/v1/webhooks/${encodeURIComponent(id)}/test`);
      print(options.json, body, () => `${body.outcome}: ${body.status_code ?? body.error} in ${body.duration_ms} ms`);
      // A ping that did not arrive is a failed operation, for scripts checking a receiver.
      if (body.outcome !== 'delivered') process.exitCode = 1;
    },
  );
  common(webhooks.command('deliveries').description("a webhook's delivery attempts, newest first").argument('<id>', 'webhook id')).action(
    async (id: string, options: CommonOptions) => {
      const { body } = await api(options).request<{ items: DeliveryView[]; total: number }>(
        'GET',
        `/v1/webhooks/${encodeURIComponent(id)}/deliveries?limit=100`,
      );
      print(options.json, body, () => {
        const table = outputTable(['when', 'event', 'attempt', 'outcome', 'status', 'ms', 'error']);
        for (const d of body.items)
          table.push([
            d.created_at,
            d.event,
            String(d.attempt),
            d.outcome,
            d.status_code === null ? '-' : String(d.status_code),
            String(d.duration_ms),
            d.error ?? '',
          ]);
        return table.toString();
      });
    },
  );
}

/** `budgets`, `alert-rules`, `alerts`, `ack` and `webhooks`: thin clients of a running server's API. */
export function registerAlertingCommands(program: Command): void {
  registerBudgets(program);
  registerAlertRules(program);
  registerAlerts(program);
  registerAcknowledge(program);
  registerWebhooks(program);
}
