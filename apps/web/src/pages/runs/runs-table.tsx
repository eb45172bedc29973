import { useQueries } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../components/ui/data-table';
import { formatCost, formatDateTime, formatPercent, formatRelativeTime } from '../../lib/format';
import { datasetQuery } from '../datasets/datasets-queries';
import { shortId } from '../executions/template-refs';
import { RunProgressBar } from './run-progress-bar';
import { RunStatusBadge } from './run-status-badge';
import type { Run } from './runs-queries';

const column = createColumnHelper<Run>();
const stop = (event: { stopPropagation: () => void }) => event.stopPropagation();

/** Dataset names for a page of runs, one lookup per dataset (a deleted one keeps its short id). */
function useDatasetNames(runs: Run[], enabled: boolean): Map<string, string> {
  const ids = enabled ? [...new Set(runs.map((run) => run.dataset_id))].slice(0, 20) : [];
  const results = useQueries({ queries: ids.map((id) => ({ ...datasetQuery(id), retry: false, staleTime: 60_000 })) });
  const names = new Map<string, string>();
  results.forEach((result, index) => {
    const id = ids[index];
    if (id && result.data) names.set(id, result.data.name);
  });
  const signature = [...names.entries()].join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `names` is rebuilt every render; its content is `signature`.
  return useMemo(() => names, [signature]);
}

export interface RunSelection {
  selected: readonly string[];
  onToggle: (run: Run, selected: boolean) => void;
  /** How many runs may be selected at once (further boxes are disabled). */
  max: number;
}

/** A page of runs; optionally with their dataset, and with checkboxes to pick runs (to compare two, say). */
export function RunsTable({
  runs,
  showDataset = false,
  selection,
  stale = false,
}: {
  runs: Run[];
  showDataset?: boolean;
  selection?: RunSelection;
  stale?: boolean;
}) {
  const navigate = useNavigate();
  const datasets = useDatasetNames(runs, showDataset);
  const columns = useMemo(
    () => [
      ...(selection
        ? [
            column.display({
              id: 'select',
              header: () => <span className="sr-only">Select</span>,
              cell: (info) => {
                const checked = selection.selected.includes(info.row.original.id);
                return (
                  <input
                    type="checkbox"
                    className="size-4 accent-brand-600"
                    aria-label={`Select run ${shortId(info.row.original.id)}`}
                    checked={checked}
                    disabled={!checked && selection.selected.length >= selection.max}
                    onClick={stop}
                    onChange={(event) => selection.onToggle(info.row.original, event.target.checked)}
                  />
                );
              },
            }),
          ]
        : []),
      column.accessor('status', { header: 'Status', cell: (info) => <RunStatusBadge status={info.getValue()} /> }),
      column.accessor('id', {
        header: 'Run',
        cell: (info) => (
          <Link
            to="/runs/$id"
            params={{ id: info.getValue() }}
            onClick={stop}
            className="font-mono text-xs text-brand-700 hover:underline"
            title={info.getValue()}
          >
            {shortId(info.getValue())}
          </Link>
        ),
      }),
      ...(showDataset
        ? [
            column.accessor('dataset_id', {
              header: 'Dataset',
              cell: (info) => (
                <Link
                  to="/datasets/$id"
                  params={{ id: info.getValue() }}
                  onClick={stop}
                  className="block max-w-48 truncate hover:underline"
                  title={datasets.get(info.getValue()) ?? info.getValue()}
                >
                  {datasets.get(info.getValue()) ?? <span className="font-mono text-xs text-zinc-500">{shortId(info.getValue())}</span>}
                </Link>
              ),
            }),
          ]
        : []),
      column.accessor('template_ref', {
        header: 'Template',
        cell: (info) => (
          <span
            className="block max-w-56 truncate font-medium text-zinc-800"
            title={`${info.getValue()} on ${info.row.original.provider} / ${info.row.original.model}`}
          >
            {info.getValue()}
          </span>
        ),
      }),
      column.display({ id: 'progress', header: 'Progress', cell: (info) => <RunProgressBar progress={info.row.original.progress} compact /> }),
      column.display({
        id: 'pass_rate',
        header: () => <span className="block text-right">Pass rate</span>,
        cell: (info) => <span className="block text-right font-medium tabular-nums">{formatPercent(info.row.original.summary.pass_rate, 1)}</span>,
      }),
      column.display({
        id: 'cost',
        header: () => <span className="block text-right">Cost</span>,
        cell: (info) => <span className="block text-right tabular-nums">{formatCost(info.row.original.summary.cost_usd)}</span>,
      }),
      column.accessor('created_at', {
        header: 'Started',
        cell: (info) => (
          <span className="whitespace-nowrap text-zinc-600" title={formatDateTime(info.getValue())}>
            {formatRelativeTime(info.getValue())}
          </span>
        ),
      }),
    ],
    [selection, showDataset, datasets],
  );
  const table = useReactTable({ data: runs, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id, enableSorting: false });
  return (
    <DataTable
      table={table}
      aria-label="Evaluation runs"
      className={stale ? 'opacity-60 transition-opacity' : undefined}
      rowProps={(row) => ({ className: 'cursor-pointer', onClick: () => navigate({ to: '/runs/$id', params: { id: row.original.id } }) })}
    />
  );
}
