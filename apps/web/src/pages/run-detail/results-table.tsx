import { Link } from '@tanstack/react-router';
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useMemo, useState } from 'react';
import { SideBySideDiff } from '../../components/diff/side-by-side-diff';
import { stableJson } from '../../components/diff/side-by-side-rows';
import { Badge } from '../../components/ui/badge';
import { DataTable } from '../../components/ui/data-table';
import { formatCost, formatDuration } from '../../lib/format';
import { jsonPreview } from '../dataset-detail/entry-form';
import type { RunResult } from './run-queries';
import { outputText } from './run-summary';

const column = createColumnHelper<RunResult>();

function Verdict({ result }: { result: RunResult }) {
  if (result.status === 'failed') return <Badge tone="danger">failed</Badge>;
  if (result.passed === true) return <Badge tone="success">passed</Badge>;
  if (result.passed === false) return <Badge tone="warning">not passed</Badge>;
  return <Badge tone="neutral">{result.status}</Badge>;
}

function Preview({ value }: { value: unknown }) {
  const text = jsonPreview(value);
  return text === '' ? (
    <span className="text-zinc-400">—</span>
  ) : (
    <span className="block max-w-64 truncate font-mono text-xs" title={text.slice(0, 2000)}>
      {text}
    </span>
  );
}

/** Everything about one item: scores with reasons, the error if it failed, expected against actual output. */
export function ResultDetail({ result }: { result: RunResult }) {
  return (
    <div className="flex flex-col gap-3">
      {result.error_message ? <p className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-800">{result.error_message}</p> : null}
      {result.scores.length > 0 ? (
        <table className="w-full text-left text-sm" aria-label="Scores">
          <thead>
            <tr className="text-xs uppercase tracking-wide text-zinc-500">
              <th className="py-1 pr-3 font-semibold">Scorer</th>
              <th className="py-1 pr-3 font-semibold">Score</th>
              <th className="py-1 pr-3 font-semibold">Result</th>
              <th className="py-1 font-semibold">Reason</th>
            </tr>
          </thead>
          <tbody>
            {result.scores.map((score) => (
              <tr key={score.scorer} className="border-t border-zinc-200 align-top">
                <td className="py-1 pr-3 font-medium">{score.scorer}</td>
                <td className="py-1 pr-3 tabular-nums">{score.score.toFixed(3)}</td>
                <td className="py-1 pr-3">{score.passed ? <Badge tone="success">pass</Badge> : <Badge tone="danger">fail</Badge>}</td>
                <td className="py-1 text-zinc-700">{score.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div>
        <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">Input</p>
        <pre className="max-h-40 overflow-auto rounded-md border border-zinc-200 bg-white p-2 font-mono text-xs whitespace-pre-wrap break-all">
          {stableJson(result.input)}
        </pre>
      </div>
      <SideBySideDiff
        before={outputText(result.expected_output, stableJson)}
        after={outputText(result.output, stableJson)}
        beforeLabel="Expected output"
        afterLabel="Actual output"
      />
      {result.execution_id ? (
        <Link to="/executions/$id" params={{ id: result.execution_id }} className="self-start text-sm text-brand-700 hover:underline">
          Open the execution (prompts, raw response, attempts)
        </Link>
      ) : null}
    </div>
  );
}

/** A page of results; a row opens to its scores, reasons and the expected/actual diff. */
export function ResultsTable({ results, repetitions }: { results: RunResult[]; repetitions: number }) {
  const [open, setOpen] = useState<string | null>(null);
  const columns = useMemo(
    () => [
      column.display({
        id: 'expand',
        header: () => <span className="sr-only">Details</span>,
        cell: (info) => (open === info.row.original.id ? <ChevronDown className="size-4 text-zinc-400" /> : <ChevronRight className="size-4 text-zinc-400" />),
      }),
      column.display({ id: 'verdict', header: 'Result', cell: (info) => <Verdict result={info.row.original} /> }),
      column.accessor('input', { header: 'Input', cell: (info) => <Preview value={info.getValue()} /> }),
      column.accessor('expected_output', { header: 'Expected', cell: (info) => <Preview value={info.getValue()} /> }),
      column.accessor('output', { header: 'Output', cell: (info) => <Preview value={info.getValue()} /> }),
      column.accessor('score', {
        header: () => <span className="block text-right">Score</span>,
        cell: (info) => <span className="block text-right tabular-nums">{info.getValue() === null ? '—' : (info.getValue() as number).toFixed(2)}</span>,
      }),
      column.accessor('latency_ms', {
        header: () => <span className="block text-right">Latency</span>,
        cell: (info) => <span className="block text-right tabular-nums">{formatDuration(info.getValue())}</span>,
      }),
      column.accessor('cost_usd', {
        header: () => <span className="block text-right">Cost</span>,
        cell: (info) => <span className="block text-right tabular-nums">{formatCost(info.getValue())}</span>,
      }),
      ...(repetitions > 1
        ? [column.accessor('repetition', { header: 'Rep.', cell: (info) => <span className="tabular-nums">{info.getValue() + 1}</span> })]
        : []),
    ],
    [open, repetitions],
  );
  const table = useReactTable({ data: results, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id, enableSorting: false });
  return (
    <DataTable
      table={table}
      aria-label="Results"
      columnClassName={(id) => (id === 'expand' ? 'w-8 pr-0' : undefined)}
      rowProps={(row) => ({
        className: 'cursor-pointer',
        'aria-expanded': open === row.original.id,
        onClick: () => setOpen((current) => (current === row.original.id ? null : row.original.id)),
      })}
      renderSubRow={(row) => (open === row.original.id ? <ResultDetail result={row.original} /> : null)}
    />
  );
}
