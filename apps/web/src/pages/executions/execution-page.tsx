import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Sparkles, XCircle } from 'lucide-react';
import { isApiError } from '../../api/api-error';
import { Button } from '../../components/ui/button';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { PageHeader } from '../../components/ui/page-header';
import { ExecutionActions } from './execution-actions';
import { ExecutionAttemptsCard } from '../../components/executions/execution-attempts-card';
import { ExecutionInput, ExecutionOutput } from './execution-content';
import { ExecutionFacts, ExecutionMetrics } from './execution-facts';
import { failureLabel, isLive } from '../../components/executions/execution-status';
import { type Execution, executionQuery, templateByIdQuery } from '../../api/queries';
import { StatusBadge } from '../../components/executions/status-badge';
import { shortId } from './template-refs';

const route = getRouteApi('/app/executions/$id');

function useTemplate(id: string | null) {
  const query = useQuery({ ...templateByIdQuery(id ?? ''), enabled: id !== null, retry: false });
  return { template: query.data, missing: isApiError(query.error) && query.error.status === 404 };
}

function FailureBanner({ execution }: { execution: Execution }) {
  if (execution.status !== 'failed' && execution.status !== 'cancelled') return null;
  const tone = execution.status === 'failed' ? 'border-red-200 bg-red-50 text-red-800' : 'border-amber-200 bg-amber-50 text-amber-900';
  return (
    <div role="alert" className={`flex items-start gap-2 rounded-md border p-3 text-sm ${tone}`}>
      <XCircle className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">
        <p className="font-medium">{failureLabel(execution.failure_kind ?? (execution.status === 'cancelled' ? 'cancelled' : null))}</p>
        {execution.error_message ? <p className="mt-0.5 whitespace-pre-wrap break-words">{execution.error_message}</p> : null}
      </div>
    </div>
  );
}

function GeneratedTemplate({ id }: { id: string }) {
  const { template, missing } = useTemplate(id);
  return (
    <div className="flex items-center gap-2 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm text-brand-700">
      <Sparkles className="size-4 shrink-0" />
      <span>This generation wrote a draft template:</span>
      {template ? (
        <Link to="/templates/$name" params={{ name: template.name }} search={{ version: template.version_number }} className="font-medium underline">
          {template.name} v{template.version_number}
        </Link>
      ) : (
        <span className="font-mono text-xs" title={id}>
          {shortId(id)}
          {missing ? ' (deleted)' : ''}
        </span>
      )}
    </div>
  );
}

export function ExecutionPage() {
  const { id } = route.useParams();
  const query = useQuery(executionQuery(id));
  const execution = query.data;
  const { template, missing } = useTemplate(execution?.template_id ?? null);

  const breadcrumb = (
    <Link to="/executions" className="hover:underline">
      Executions
    </Link>
  );
  if (query.isPending) return <Spinner label="Loading execution…" />;
  if (!execution) {
    return (
      <div>
        <PageHeader title="Execution" breadcrumb={breadcrumb} />
        {isApiError(query.error) && query.error.status === 404 ? (
          <EmptyState
            title="Execution not found"
            action={
              <Button asChild>
                <Link to="/executions">All executions</Link>
              </Button>
            }
          >
            No execution has the id <code className="text-xs">{id}</code>.
          </EmptyState>
        ) : (
          <ErrorAlert error={query.error} title="Could not load the execution" />
        )}
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <PageHeader
        breadcrumb={breadcrumb}
        title={
          <span className="flex items-center gap-3">
            <span>
              Execution{' '}
              <span className="font-mono text-lg" title={execution.id}>
                {shortId(execution.id)}
              </span>
            </span>
            <StatusBadge status={execution.status} />
            {isLive(execution.status) ? <Spinner label="Live" className="text-xs font-normal" /> : null}
          </span>
        }
        description={
          template
            ? `${template.name} v${template.version_number} · ${execution.provider} / ${execution.model}`
            : `${execution.kind} · ${execution.provider} / ${execution.model}`
        }
        actions={<ExecutionActions execution={execution} template={template} />}
      />
      {query.isError ? <ErrorAlert error={query.error} title="Could not refresh; showing the last known state" /> : null}
      <FailureBanner execution={execution} />
      {execution.generated_template_id ? <GeneratedTemplate id={execution.generated_template_id} /> : null}
      <ExecutionMetrics execution={execution} />
      <ExecutionFacts execution={execution} template={template} templateMissing={missing} />
      <div className="grid items-start gap-4 xl:grid-cols-2">
        <ExecutionInput execution={execution} />
        <ExecutionOutput execution={execution} />
      </div>
      <ExecutionAttemptsCard log={execution.attempt_log} live={isLive(execution.status)} />
    </div>
  );
}
