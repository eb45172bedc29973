import { useQueries } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../components/ui/data-table';
import { formatCost, formatDateTime, formatDuration, formatNumber, formatRelativeTime } from '../../lib/format';
import { failureLabel } from '../../components/executions/execution-status';
import { type Execution, type Template, templateByIdQuery } from '../../api/queries';
import { StatusBadge } from '../../components/executions/status-badge';
import { shortId, templateIdsToResolve } from './template-refs';

const column = createColumnHelper<Execution>();
const stop = (event: { stopPropagation: () => void }) => event.stopPropagation();

/** The template version of a row: its name and version once looked up, else its shortened id. */
export function TemplateCell({ execution, template }: { execution: Execution; template: Template | undefined }) {
  if (!execution.template_id) return <span className="text-zinc-400">Raw prompt</span>;
  if (!template) {
    return (
      <span className="font-mono text-xs text-zinc-500" title={execution.template_id}>
        {shortId(execution.template_id)}
      </span>
    );
  }
  return (
    <Link
      to="/templates/$name"
      params={{ name: template.name }}
      search={{ version: template.version_number }}
      onClick={stop}
      className="flex min-w-0 max-w-64 items-baseline gap-1.5 hover:underline"
      title={`${template.name} version ${template.version_number}`}
    >
      <span className="truncate font-medium text-zinc-800">{template.name}</span>
      <span className="shrink-0 text-xs text-zinc-500">v{template.version_number}</span>
    </Link>
  );
}

function useTemplatesById(items: Execution[]): Map<string, Template> {
  const ids = templateIdsToResolve(items);
  const results = useQueries({ queries: ids.map((id) => ({ ...templateByIdQuery(id), retry: false })) });
  const found = new Map<string, Template>();
  results.forEach((result, index) => {
    const id = ids[index];
    if (id && result.data) found.set(id, result.data);
  });
  // A new Map each render would rebuild the columns; key it on what was found instead.
  const signature = [...found.keys()].join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `found` is rebuilt every render; its content is `signature`.
  return useMemo(() => found, [signature]);
}

/** Row checkboxes: which executions are ticked, across pages. */
export interface ExecutionSelection {
  selected: ReadonlySet<string>;
  onToggle: (executions: Execution[], selected: boolean) => void;
}

function selectionColumn(selection: ExecutionSelection, items: Execution[]) {
  const ticked = items.filter((item) => selection.selected.has(item.id)).length;
  return column.display({
    id: 'select',
    header: () => (
      <input
        type="checkbox"
        className="size-4 accent-brand-600"
        aria-label="Select every execution on this page"
        checked={items.length > 0 && ticked === items.length}
        ref={(box) => {
          if (box) box.indeterminate = ticked > 0 && ticked < items.length;
        }}
        onChange={(event) => selection.onToggle(items, event.target.checked)}
      />
    ),
    cell: (info) => (
      <input
        type="checkbox"
        className="size-4 accent-brand-600"
        aria-label={`Select execution ${shortId(info.row.original.id)}`}
        checked={selection.selected.has(info.row.original.id)}
        onClick={stop}
        onChange={(event) => selection.onToggle([info.row.original], event.target.checked)}
      />
    ),
  });
}

export function ExecutionsTable({ items, selection }: { items: Execution[]; selection?: ExecutionSelection }) {
  const navigate = useNavigate();
  const templates = useTemplatesById(items);
  const columns = useMemo(
    () => [
      ...(selection ? [selectionColumn(selection, items)] : []),
      column.accessor('status', { header: 'Status', cell: (info) => <StatusBadge status={info.getValue()} /> }),
      column.accessor('id', {
        header: 'Execution',
        cell: (info) => (
          <Link
            to="/executions/$id"
            params={{ id: info.getValue() }}
            onClick={stop}
            className="font-mono text-xs text-brand-700 hover:underline"
            title={info.getValue()}
          >
            {shortId(info.getValue())}
          </Link>
        ),
      }),
      column.accessor('failure_kind', {
        header: 'Failure',
        cell: (info) =>
          info.getValue() ? (
            <span className="text-red-700" title={info.row.original.error_message ?? undefined}>
              {failureLabel(info.getValue())}
            </span>
          ) : (
            <span className="text-zinc-400">—</span>
          ),
      }),
      column.display({
        id: 'template',
        header: 'Template',
        cell: (info) => <TemplateCell execution={info.row.original} template={templates.get(info.row.original.template_id ?? '')} />,
      }),
      column.display({
        id: 'model',
        header: 'Provider / model',
        cell: (info) => (
          <span className="block max-w-48 truncate text-zinc-700" title={`${info.row.original.provider} / ${info.row.original.model}`}>
            {info.row.original.provider} <span className="text-zinc-400">/</span> {info.row.original.model || '—'}
          </span>
        ),
      }),
      column.accessor('total_tokens', {
        header: () => <span className="block text-right">Tokens</span>,
        cell: (info) => (
          <span
            className="block text-right tabular-nums"
            title={`${info.row.original.prompt_tokens} prompt + ${info.row.original.completion_tokens} completion`}
          >
            {formatNumber(info.getValue())}
          </span>
        ),
      }),
      column.accessor('cost_usd', {
        header: () => <span className="block text-right">Cost</span>,
        cell: (info) => <span className="block text-right tabular-nums">{formatCost(info.getValue())}</span>,
      }),
      column.accessor('execution_time_ms', {
        header: () => <span className="block text-right">Latency</span>,
        cell: (info) => <span className="block text-right tabular-nums">{formatDuration(info.getValue())}</span>,
      }),
      column.accessor('executed_at', {
        header: 'When',
        cell: (info) => (
          <span className="whitespace-nowrap text-zinc-600" title={formatDateTime(info.getValue())}>
            {formatRelativeTime(info.getValue())}
          </span>
        ),
      }),
    ],
    [templates, selection, items],
  );
  const table = useReactTable({ data: items, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id });

  return (
    <DataTable
      table={table}
      aria-label="Executions"
      rowProps={(row) => ({ className: 'cursor-pointer', onClick: () => navigate({ to: '/executions/$id', params: { id: row.original.id } }) })}
    />
  );
}
