import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Pagination } from '../../components/ui/pagination';
import { listRefetchInterval } from '../../components/executions/execution-status';
import { StatusBadge } from '../../components/executions/status-badge';
import { DataTable } from '../../components/ui/data-table';
import { formatCost, formatDateTime, formatDuration, formatNumber, formatRelativeTime } from '../../lib/format';
import { EXECUTIONS_PAGE_SIZE, type Execution, versionNumbersById } from './template-executions';
import { templateExecutionsQuery } from './template-queries';
import type { ExecutionScope } from './template-search';
import type { TemplateVersion } from './template-versions';
import { templateRoute } from './template-route';

const column = createColumnHelper<Execution>();

function ScopeToggle({ scope, version, onChange }: { scope: ExecutionScope; version: number; onChange: (scope: ExecutionScope) => void }) {
  const options: [ExecutionScope, string][] = [
    ['all', 'All versions'],
    ['version', `This version (v${version})`],
  ];
  return (
    <fieldset className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5 shadow-sm">
      <legend className="sr-only">Which executions</legend>
      {options.map(([value, label]) => (
        <Button
          key={value}
          size="sm"
          variant="ghost"
          aria-pressed={scope === value}
          className={scope === value ? 'h-7 bg-zinc-100 text-zinc-900' : 'h-7 text-zinc-500'}
          onClick={() => onChange(value)}
        >
          {label}
        </Button>
      ))}
    </fieldset>
  );
}

/** This template's executions, newest first, refreshed every 2 s while any of them is still running. */
export function ExecutionsTab({ name, version, versions }: { name: string; version: TemplateVersion; versions: readonly TemplateVersion[] }) {
  const search = templateRoute.useSearch();
  const navigateHere = templateRoute.useNavigate();
  const navigate = useNavigate();
  const scope = search.scope ?? 'all';
  const page = search.page ?? 1;
  const executions = useQuery({
    ...templateExecutionsQuery(name, version.version_number, scope, page),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => listRefetchInterval(query.state.data?.items),
  });
  const versionOf = useMemo(() => versionNumbersById(versions), [versions]);

  const columns = [
    column.accessor('id', {
      header: 'Execution',
      cell: ({ getValue }) => (
        <Link
          to="/executions/$id"
          params={{ id: getValue() }}
          className="font-mono text-xs text-brand-600 hover:underline"
          onClick={(event) => event.stopPropagation()}
        >
          {getValue().slice(0, 8)}
        </Link>
      ),
    }),
    column.accessor('status', { header: 'Status', cell: ({ getValue }) => <StatusBadge status={getValue()} /> }),
    column.accessor('failure_kind', {
      header: 'Failure',
      cell: ({ getValue, row }) =>
        getValue() ? <span title={row.original.error_message ?? undefined}>{getValue()}</span> : <span className="text-zinc-400">—</span>,
    }),
    column.accessor('template_id', {
      header: 'Version',
      cell: ({ getValue }) => {
        const number = versionOf.get(getValue() ?? '');
        return number ? `v${number}` : <span className="text-zinc-400">deleted</span>;
      },
    }),
    column.accessor('total_tokens', { header: 'Tokens', cell: ({ getValue }) => <span className="tabular-nums">{formatNumber(getValue())}</span> }),
    column.accessor('cost_usd', { header: 'Cost', cell: ({ getValue }) => <span className="tabular-nums">{formatCost(getValue())}</span> }),
    column.accessor('execution_time_ms', { header: 'Latency', cell: ({ getValue }) => <span className="tabular-nums">{formatDuration(getValue())}</span> }),
    column.accessor('executed_at', {
      header: 'When',
      cell: ({ getValue }) => <span title={formatDateTime(getValue())}>{formatRelativeTime(getValue())}</span>,
    }),
  ];
  const table = useReactTable({ data: executions.data?.items ?? [], columns, getRowId: (row) => row.id, getCoreRowModel: getCoreRowModel() });

  const setScope = (next: ExecutionScope) => navigateHere({ search: (prev) => ({ ...prev, scope: next === 'all' ? undefined : next, page: undefined }) });
  const setPage = (next: number) => navigateHere({ search: (prev) => ({ ...prev, page: next === 1 ? undefined : next }) });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-3">
        <ScopeToggle scope={scope} version={version.version_number} onChange={setScope} />
        {executions.isFetching && !executions.isPending ? <Spinner label="Refreshing…" className="text-xs" /> : null}
      </div>
      {executions.isPending ? (
        <Spinner label="Loading executions…" />
      ) : executions.isError ? (
        <ErrorAlert error={executions.error} title="Could not load the executions" />
      ) : executions.data.total === 0 ? (
        <EmptyState title="No executions yet">
          {scope === 'version' ? `v${version.version_number} of “${name}” has not run yet.` : `“${name}” has not run yet.`}
        </EmptyState>
      ) : (
        <Card>
          <DataTable
            table={table}
            aria-label={`Executions of ${name}`}
            rowProps={(row) => ({ className: 'cursor-pointer', onClick: () => navigate({ to: '/executions/$id', params: { id: row.id } }) })}
          />
          <div className="border-t border-zinc-100 px-3">
            <Pagination page={page} pageSize={EXECUTIONS_PAGE_SIZE} total={executions.data.total} onPageChange={setPage} />
          </div>
        </Card>
      )}
    </div>
  );
}
