import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { CopyButton } from '../../components/ui/copy-button';
import { cn } from '../../lib/cn';
import { formatCost, formatDateTime, formatDuration, formatNumber } from '../../lib/format';
import { executionTimings } from './execution-timing';
import type { Execution, Template } from '../../api/queries';
import { shortId } from './template-refs';

function Fact({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn('min-w-0', className)}>
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-0.5 min-w-0 text-sm text-zinc-900">{children}</dd>
    </div>
  );
}

const muted = <span className="text-zinc-400">—</span>;

function TemplateFact({ execution, template, templateMissing }: { execution: Execution; template: Template | undefined; templateMissing: boolean }) {
  if (!execution.template_id) return <span className="text-zinc-500">None (raw prompt)</span>;
  if (!template) {
    return (
      <span className="font-mono text-xs" title={execution.template_id}>
        {shortId(execution.template_id)}
        {templateMissing ? <span className="ml-1 font-sans text-zinc-500">(deleted)</span> : null}
      </span>
    );
  }
  return (
    <Link
      to="/templates/$name"
      params={{ name: template.name }}
      search={{ version: template.version_number }}
      className="block truncate text-brand-700 hover:underline"
      title={`${template.name} version ${template.version_number}`}
    >
      {template.name} <span className="text-zinc-500">v{template.version_number}</span>
    </Link>
  );
}

/** Who ran what, with which settings, when and for how long. */
export function ExecutionFacts({ execution, template, templateMissing }: { execution: Execution; template: Template | undefined; templateMissing: boolean }) {
  const timings = executionTimings(execution);
  return (
    <Card>
      <CardHeader title="Details" />
      <CardBody>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 md:grid-cols-4">
          <Fact label="Kind">{execution.kind}</Fact>
          <Fact label="Template">
            <TemplateFact execution={execution} template={template} templateMissing={templateMissing} />
          </Fact>
          <Fact label="Provider">{execution.provider}</Fact>
          <Fact label="Model">
            <span className="block truncate" title={execution.model}>
              {execution.model || muted}
            </span>
          </Fact>
          <Fact label="Temperature">{execution.temperature ?? <span className="text-zinc-500">provider default</span>}</Fact>
          <Fact label="Max tokens">
            {execution.max_tokens === null ? <span className="text-zinc-500">provider default</span> : formatNumber(execution.max_tokens)}
          </Fact>
          <Fact label="Request id" className="md:col-span-2">
            {execution.request_id ? (
              <span className="flex min-w-0 items-center gap-1">
                <span className="truncate font-mono text-xs" title={execution.request_id}>
                  {execution.request_id}
                </span>
                <CopyButton value={execution.request_id} variant="ghost" aria-label="Copy request id" className="h-6 shrink-0 px-1.5" label="Copy" />
              </span>
            ) : (
              muted
            )}
          </Fact>
          <Fact label="Submitted">{formatDateTime(execution.executed_at)}</Fact>
          <Fact label="Started">
            {formatDateTime(execution.started_at)}
            {timings.queuedMs !== null ? (
              <span className="block text-xs text-zinc-500">
                {execution.started_at ? `after ${formatDuration(timings.queuedMs)} in the queue` : `queued for ${formatDuration(timings.queuedMs)} so far`}
              </span>
            ) : null}
          </Fact>
          <Fact label="Finished">
            {formatDateTime(execution.finished_at)}
            {timings.runMs !== null ? (
              <span className="block text-xs text-zinc-500">
                {execution.finished_at ? `after running for ${formatDuration(timings.runMs)}` : `running for ${formatDuration(timings.runMs)} so far`}
              </span>
            ) : null}
          </Fact>
          <Fact label="Evaluation run">
            {execution.run_id ? (
              <span className="block truncate">
                <Link
                  to="/executions"
                  search={{ run: execution.run_id }}
                  className="font-mono text-xs text-brand-700 hover:underline"
                  title={`Every execution of run ${execution.run_id}`}
                >
                  {shortId(execution.run_id)}
                </Link>
                {execution.repetition > 0 ? <span className="text-xs text-zinc-500"> repetition {execution.repetition}</span> : null}
                {execution.dataset_entry_id ? (
                  <span className="block truncate text-xs text-zinc-500" title={execution.dataset_entry_id}>
                    dataset entry <span className="font-mono">{execution.dataset_entry_id}</span>
                  </span>
                ) : null}
              </span>
            ) : (
              muted
            )}
          </Fact>
        </dl>
      </CardBody>
    </Card>
  );
}

function Metric({ label, value, detail }: { label: string; value: ReactNode; detail?: ReactNode }) {
  return (
    <Card className="px-4 py-3">
      <p className="text-xs font-medium text-zinc-500">{label}</p>
      <p className="mt-1 text-xl font-semibold tabular-nums text-zinc-900">{value}</p>
      {detail ? <p className="mt-0.5 text-xs text-zinc-500">{detail}</p> : null}
    </Card>
  );
}

/** Tokens, cost, latency and attempts at a glance. */
export function ExecutionMetrics({ execution }: { execution: Execution }) {
  const { totalMs } = executionTimings(execution);
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Metric
        label="Tokens"
        value={formatNumber(execution.total_tokens)}
        detail={`${formatNumber(execution.prompt_tokens)} prompt · ${formatNumber(execution.completion_tokens)} completion`}
      />
      <Metric
        label="Cost"
        value={formatCost(execution.cost_usd)}
        detail={execution.cost_usd !== null ? 'USD' : execution.total_tokens > 0 ? 'No price known for this model' : undefined}
      />
      <Metric
        label="Latency"
        value={formatDuration(execution.execution_time_ms)}
        detail={execution.finished_at && totalMs !== null ? `${formatDuration(totalMs)} from submission to result` : undefined}
      />
      <Metric
        label="Attempts"
        value={formatNumber(execution.attempts)}
        detail={execution.attempts > 1 ? 'Retried after invalid output or provider errors' : undefined}
      />
    </div>
  );
}
