import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { CheckCircle2, ExternalLink, Square, XCircle } from 'lucide-react';
import { type ReactNode, useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { ErrorAlert, Spinner } from '../../components/ui/feedback';
import { toast } from '../../components/ui/toast';
import { formatCost, formatDuration, formatNumber } from '../../lib/format';
import { executionQuery } from '../../api/queries';
import { AttemptList, ViolationList } from '../../components/executions/execution-attempts-card';
import { shapeAttempts } from '../../components/executions/execution-attempts';
import { isLive } from '../../components/executions/execution-status';
import { elapsedMs, type Execution, schemaValidity } from './execution-result';

const STATUS_TONES: Record<Execution['status'], BadgeTone> = {
  queued: 'neutral',
  running: 'info',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'warning',
};

/** Re-renders every 250 ms while `active`, so a running clock ticks between polls. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">{title}</h3>
      {children}
    </section>
  );
}

const pre = 'max-h-64 overflow-auto whitespace-pre-wrap break-words rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed';

function Validity({ execution }: { execution: Execution }) {
  const validity = schemaValidity(execution);
  if (validity.state === 'valid')
    return (
      <Badge tone="success">
        <CheckCircle2 className="size-3" /> Valid against the output schema
      </Badge>
    );
  if (validity.state === 'invalid')
    return (
      <div className="flex flex-col gap-1">
        <Badge tone="danger" className="self-start">
          <XCircle className="size-3" /> Invalid against the output schema
        </Badge>
        {validity.violations.length > 0 ? (
          <ViolationList violations={validity.violations} />
        ) : validity.message ? (
          <p className="text-xs text-red-700">{validity.message}</p>
        ) : null}
      </div>
    );
  if (validity.state === 'no_schema') return <span className="text-xs text-zinc-500">No output schema: the answer is not validated.</span>;
  if (validity.state === 'not_reached') return <span className="text-xs text-zinc-500">Not validated: the run ended before an answer.</span>;
  return <span className="text-xs text-zinc-500">Checked when the answer arrives.</span>;
}

function Metric({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="truncate text-sm font-medium tabular-nums text-zinc-900">{value}</dd>
    </div>
  );
}

/** One execution followed live: polled every second until it ends, then everything it recorded. */
export function RunResult({ executionId, title }: { executionId: string; title: string }) {
  const queryClient = useQueryClient();
  const { data: execution, error } = useQuery(executionQuery(executionId));
  const running = execution ? isLive(execution.status) : true;
  const now = useNow(running);
  const [cancelling, setCancelling] = useState(false);

  async function cancel() {
    setCancelling(true);
    try {
      const cancelled = await unwrap(api.POST('/v1/executions/{id}/cancel', { params: { path: { id: executionId } } }));
      queryClient.setQueryData(executionQuery(executionId).queryKey, cancelled);
      toast('Execution cancelled');
    } catch (caught) {
      toast(`Cancel failed: ${(caught as Error).message}`, 'error');
    } finally {
      setCancelling(false);
    }
  }

  if (error && !execution) return <ErrorAlert error={error} title="Cannot load the execution" />;
  if (!execution) return <Spinner label="Submitting…" />;
  const attempts = shapeAttempts(execution.attempt_log);
  return (
    <section className="flex flex-col gap-3" aria-label="Run result">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
        <Badge tone={STATUS_TONES[execution.status]} aria-label={`Status ${execution.status}`}>
          {running ? <span className="size-1.5 animate-pulse rounded-full bg-current" /> : null}
          {execution.status}
        </Badge>
        <span className="text-xs tabular-nums text-zinc-500">{formatDuration(elapsedMs(execution, now))}</span>
        <span className="text-xs text-zinc-500">
          {execution.provider}
          {execution.model ? ` · ${execution.model}` : ''}
        </span>
        <div className="ml-auto flex items-center gap-2">
          {running ? (
            <Button size="sm" variant="secondary" onClick={cancel} disabled={cancelling}>
              <Square /> {cancelling ? 'Cancelling…' : 'Cancel'}
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" asChild>
            <Link to="/executions/$id" params={{ id: execution.id }}>
              Open execution <ExternalLink />
            </Link>
          </Button>
        </div>
      </div>

      {execution.error_message ? (
        <p
          role="alert"
          className={
            execution.status === 'cancelled'
              ? 'rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm break-words text-amber-800'
              : 'rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm break-words text-red-800'
          }
        >
          {execution.failure_kind ? <span className="font-medium">{execution.failure_kind}: </span> : null}
          {execution.error_message}
        </p>
      ) : null}

      <dl className="grid grid-cols-2 gap-3 rounded-md border border-zinc-200 px-3 py-2 sm:grid-cols-4">
        <Metric
          label="Tokens (prompt + completion)"
          value={
            running ? '—' : `${formatNumber(execution.prompt_tokens)} + ${formatNumber(execution.completion_tokens)} = ${formatNumber(execution.total_tokens)}`
          }
        />
        <Metric label="Cost" value={formatCost(execution.cost_usd)} />
        <Metric label="Latency" value={formatDuration(execution.execution_time_ms)} />
        <Metric label="Attempts" value={execution.attempts} />
      </dl>

      <Section title="Output schema">
        <Validity execution={execution} />
      </Section>
      {execution.parsed_output !== null && execution.parsed_output !== undefined ? (
        <Section title="Parsed output">
          <pre className={pre}>{JSON.stringify(execution.parsed_output, null, 2)}</pre>
        </Section>
      ) : null}
      <Section title="Raw response">
        {execution.response_text !== null ? (
          <pre className={pre}>{execution.response_text}</pre>
        ) : (
          <p className="text-xs text-zinc-500">{running ? 'Waiting for the model…' : 'No response.'}</p>
        )}
      </Section>
      {attempts.length > 0 ? (
        <Section title="Attempts">
          <div className="rounded-md border border-zinc-200">
            <AttemptList attempts={attempts} />
          </div>
        </Section>
      ) : null}
      <details className="text-sm" open>
        <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-zinc-500">Rendered prompts</summary>
        <div className="mt-2 flex flex-col gap-2">
          {execution.rendered_system_prompt ? <pre className={pre}>{execution.rendered_system_prompt}</pre> : null}
          {execution.rendered_user_prompt !== null ? (
            <pre className={pre}>{execution.rendered_user_prompt}</pre>
          ) : (
            <p className="text-xs text-zinc-500">{running ? 'Recorded when the run ends.' : 'Not rendered.'}</p>
          )}
        </div>
      </details>
    </section>
  );
}
