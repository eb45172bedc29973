import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { ArrowDownRight, ArrowUpRight, ChevronDown, ChevronRight, Equal } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { SideBySideDiff } from '../../components/diff/side-by-side-diff';
import { stableJson } from '../../components/diff/side-by-side-rows';
import { Badge } from '../../components/ui/badge';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { DataTable } from '../../components/ui/data-table';
import { ErrorAlert, Spinner } from '../../components/ui/feedback';
import { PageHeader } from '../../components/ui/page-header';
import { Pagination } from '../../components/ui/pagination';
import { cn } from '../../lib/cn';
import { formatPercent } from '../../lib/format';
import { jsonPreview } from '../dataset-detail/entry-form';
import type { RunResult } from '../run-detail/run-queries';
import { outputText } from '../run-detail/run-summary';
import { shortId } from '../executions/template-refs';
import { type Run, runQuery } from '../runs/runs-queries';
import { byItem, COMPARE_PAGE_SIZE, type ComparedEntry, comparePage, entryIdsOf, itemKey } from './compare-entries';
import { ComparePicker } from './compare-picker';
import { type Comparison, comparisonQuery, pageResultsQuery } from './compare-queries';
import { compareRoute } from './compare-route';
import { ENTRY_CHANGES, type EntryChange } from './compare-search';
import { formatDelta, formatPValue, verdictText } from './compare-verdict';

const CHANGE_BADGES: Record<EntryChange, { tone: 'success' | 'danger' | 'neutral'; icon: ReactNode }> = {
  improved: { tone: 'success', icon: <ArrowUpRight className="size-3" /> },
  regressed: { tone: 'danger', icon: <ArrowDownRight className="size-3" /> },
  unchanged: { tone: 'neutral', icon: <Equal className="size-3" /> },
};

const runName = (run: Run | undefined, id: string) => (run ? `${run.template_ref} (${shortId(id)})` : shortId(id));

function Verdict({ comparison, base, candidate }: { comparison: Comparison; base: string; candidate: string }) {
  const text = verdictText(comparison, base, candidate);
  return (
    <div
      role="status"
      aria-label="Verdict"
      className={cn(
        'rounded-lg border p-4',
        text.tone === 'success' ? 'border-emerald-200 bg-emerald-50' : text.tone === 'danger' ? 'border-red-200 bg-red-50' : 'border-zinc-200 bg-white',
      )}
    >
      <p className="text-lg font-semibold text-zinc-900">{text.headline}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-zinc-700">
        {text.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}

function Numbers({ comparison }: { comparison: Comparison }) {
  const rows: [string, string, string, string][] = [
    [
      'Pass rate',
      formatPercent(comparison.base.pass_rate, 1),
      formatPercent(comparison.candidate.pass_rate, 1),
      formatDelta(comparison.deltas.pass_rate, 'points'),
    ],
    [
      'Mean score',
      comparison.base.mean_score?.toFixed(3) ?? '—',
      comparison.candidate.mean_score?.toFixed(3) ?? '—',
      formatDelta(comparison.deltas.mean_score, 'score'),
    ],
    ...Object.entries(comparison.deltas.scorers).map(([name, delta]): [string, string, string, string] => [
      `Scorer ${name}`,
      '',
      '',
      formatDelta(delta, 'score'),
    ]),
    ['Latency p50', '', '', formatDelta(comparison.deltas.latency_p50_ms, 'ms')],
    ['Cost', '', '', formatDelta(comparison.deltas.cost_usd, 'usd')],
  ];
  const { mcnemar, bootstrap } = comparison;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader title="Paired items" description={`${comparison.pairs} items finished in both runs`} />
        <table className="w-full text-sm" aria-label="Comparison numbers">
          <thead>
            <tr className="text-xs uppercase tracking-wide text-zinc-500">
              <th className="px-4 py-1.5 text-left font-semibold">Measure</th>
              <th className="px-4 py-1.5 text-right font-semibold">Base</th>
              <th className="px-4 py-1.5 text-right font-semibold">Candidate</th>
              <th className="px-4 py-1.5 text-right font-semibold">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, base, candidate, delta]) => (
              <tr key={label} className="border-t border-zinc-100">
                <td className="px-4 py-1.5 font-medium">{label}</td>
                <td className="px-4 py-1.5 text-right tabular-nums">{base}</td>
                <td className="px-4 py-1.5 text-right tabular-nums">{candidate}</td>
                <td className="px-4 py-1.5 text-right tabular-nums">{delta}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card>
        <CardHeader title="Significance" description={`Tested at α = ${comparison.alpha}`} />
        <CardBody>
          <dl className="grid grid-cols-2 gap-4 text-sm">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">McNemar exact test</dt>
              <dd className="text-lg font-semibold tabular-nums">{formatPValue(mcnemar.p_value)}</dd>
              <dd className="text-xs text-zinc-500">
                {mcnemar.b} passed only in base, {mcnemar.c} only in candidate
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">Bootstrap {Math.round(bootstrap.confidence * 100)}% interval</dt>
              <dd className="text-lg font-semibold tabular-nums">
                [{bootstrap.lower.toFixed(3)}, {bootstrap.upper.toFixed(3)}]
              </dd>
              <dd className="text-xs text-zinc-500">
                of the mean score difference ({formatDelta(bootstrap.mean_difference, 'score')}), {bootstrap.resamples.toLocaleString('en-US')} resamples
              </dd>
            </div>
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}

const column = createColumnHelper<ComparedEntry>();

function Side({ side }: { side: { passed: boolean; score: number } }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      {side.passed ? <Badge tone="success">pass</Badge> : <Badge tone="danger">fail</Badge>}
      <span className="tabular-nums text-zinc-600">{side.score.toFixed(2)}</span>
    </span>
  );
}

function Preview({ result }: { result: RunResult | undefined }) {
  if (!result) return <span className="text-zinc-400">…</span>;
  const text = jsonPreview(result.output);
  return text === '' ? (
    <span className="text-zinc-400">{result.error_message ? 'failed' : '—'}</span>
  ) : (
    <span className="block max-w-56 truncate font-mono text-xs" title={text.slice(0, 2000)}>
      {text}
    </span>
  );
}

function EntryOutputs({ base, candidate }: { base: RunResult | undefined; candidate: RunResult | undefined }) {
  const item = base ?? candidate;
  if (!item) return <Spinner label="Loading outputs…" />;
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">Input</p>
          <pre className="max-h-40 overflow-auto rounded-md border border-zinc-200 bg-white p-2 font-mono text-xs whitespace-pre-wrap break-all">
            {stableJson(item.input)}
          </pre>
        </div>
        <div>
          <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">Expected output</p>
          <pre className="max-h-40 overflow-auto rounded-md border border-zinc-200 bg-white p-2 font-mono text-xs whitespace-pre-wrap break-all">
            {outputText(item.expected_output, stableJson) || '—'}
          </pre>
        </div>
      </div>
      <SideBySideDiff
        before={outputText(base?.output, stableJson) || (base?.error_message ?? '')}
        after={outputText(candidate?.output, stableJson) || (candidate?.error_message ?? '')}
        beforeLabel="Base output"
        afterLabel="Candidate output"
      />
    </div>
  );
}

function Entries({ comparison, baseId, candidateId }: { comparison: Comparison; baseId: string; candidateId: string }) {
  const search = compareRoute.useSearch();
  const navigate = compareRoute.useNavigate();
  const [open, setOpen] = useState<string | null>(null);
  // TanStack Table needs stable data: a new array each render would re-render it without end.
  const page = useMemo(() => comparePage(comparison.entries, search.change, search.page ?? 1), [comparison.entries, search.change, search.page]);
  const ids = useMemo(() => entryIdsOf(page.items), [page]);
  const baseResults = useQuery(pageResultsQuery(baseId, ids));
  const candidateResults = useQuery(pageResultsQuery(candidateId, ids));
  const baseByItem = useMemo(() => byItem(baseResults.data?.items), [baseResults.data]);
  const candidateByItem = useMemo(() => byItem(candidateResults.data?.items), [candidateResults.data]);
  const columns = useMemo(
    () => [
      column.display({
        id: 'expand',
        header: () => <span className="sr-only">Details</span>,
        cell: (info) =>
          open === itemKey(info.row.original) ? <ChevronDown className="size-4 text-zinc-400" /> : <ChevronRight className="size-4 text-zinc-400" />,
      }),
      column.accessor('change', {
        header: 'Change',
        cell: (info) => (
          <Badge tone={CHANGE_BADGES[info.getValue()].tone}>
            {CHANGE_BADGES[info.getValue()].icon}
            {info.getValue()}
          </Badge>
        ),
      }),
      column.display({
        id: 'input',
        header: 'Input',
        cell: (info) => (
          <span className="block max-w-56 truncate font-mono text-xs">{jsonPreview(baseByItem.get(itemKey(info.row.original))?.input ?? null) || '…'}</span>
        ),
      }),
      column.accessor('base', { header: 'Base', cell: (info) => <Side side={info.getValue()} /> }),
      column.display({ id: 'base_output', header: 'Base output', cell: (info) => <Preview result={baseByItem.get(itemKey(info.row.original))} /> }),
      column.accessor('candidate', { header: 'Candidate', cell: (info) => <Side side={info.getValue()} /> }),
      column.display({
        id: 'candidate_output',
        header: 'Candidate output',
        cell: (info) => <Preview result={candidateByItem.get(itemKey(info.row.original))} />,
      }),
    ],
    [open, baseByItem, candidateByItem],
  );
  const table = useReactTable({ data: page.items, columns, getCoreRowModel: getCoreRowModel(), getRowId: itemKey, enableSorting: false });
  const counts = comparison.counts;
  return (
    <Card>
      <CardHeader
        title="Entries"
        description="Every item finished in both runs; open one to see both outputs side by side."
        actions={
          <fieldset className="flex gap-1">
            <legend className="sr-only">Filter entries by change</legend>
            {[undefined, ...ENTRY_CHANGES].map((change) => (
              <button
                key={change ?? 'all'}
                type="button"
                aria-pressed={search.change === change}
                onClick={() => navigate({ search: (prev) => ({ ...prev, change, page: undefined }), replace: true })}
                className={cn(
                  'rounded-full border px-2.5 py-0.5 text-xs',
                  search.change === change ? 'border-brand-600 bg-brand-50 text-brand-700' : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100',
                )}
              >
                {change ? `${change} (${counts[change]})` : `all (${comparison.pairs})`}
              </button>
            ))}
          </fieldset>
        }
      />
      {baseResults.isError || candidateResults.isError ? (
        <ErrorAlert className="m-3" error={baseResults.error ?? candidateResults.error} title="Could not load the outputs" />
      ) : null}
      {page.total === 0 ? (
        <p className="p-4 text-sm text-zinc-500">No entries {search.change ? `${search.change}` : 'to show'}.</p>
      ) : (
        <>
          <DataTable
            table={table}
            aria-label="Compared entries"
            columnClassName={(id) => (id === 'expand' ? 'w-8 pr-0' : undefined)}
            rowProps={(row) => ({
              className: 'cursor-pointer',
              'aria-expanded': open === row.id,
              onClick: () => setOpen((current) => (current === row.id ? null : row.id)),
            })}
            renderSubRow={(row) => (open === row.id ? <EntryOutputs base={baseByItem.get(row.id)} candidate={candidateByItem.get(row.id)} /> : null)}
          />
          <div className="border-t border-zinc-100 px-3">
            <Pagination
              page={search.page ?? 1}
              pageSize={COMPARE_PAGE_SIZE}
              total={page.total}
              onPageChange={(next) => navigate({ search: (prev) => ({ ...prev, page: next === 1 ? undefined : next }) })}
            />
          </div>
        </>
      )}
    </Card>
  );
}

function ComparisonBody({ baseId, candidateId }: { baseId: string; candidateId: string }) {
  const comparison = useQuery(comparisonQuery(baseId, candidateId));
  const base = useQuery(runQuery(baseId));
  const candidate = useQuery(runQuery(candidateId));
  if (comparison.isPending) return <Spinner label="Comparing the runs…" />;
  if (comparison.isError) return <ErrorAlert error={comparison.error} title="Could not compare these runs" />;
  return (
    <div className="flex flex-col gap-4">
      <Verdict comparison={comparison.data} base={runName(base.data, baseId)} candidate={runName(candidate.data, candidateId)} />
      <Numbers comparison={comparison.data} />
      <Entries comparison={comparison.data} baseId={baseId} candidateId={candidateId} />
    </div>
  );
}

/** Two runs of a dataset, item by item, with McNemar's exact test, a bootstrap interval and a verdict. */
export function ComparePage() {
  const search = compareRoute.useSearch();
  const ready = search.base && search.candidate && search.base !== search.candidate;
  return (
    <div>
      <PageHeader
        breadcrumb={
          <Link to="/runs" className="hover:underline">
            Evaluation runs
          </Link>
        }
        title="Compare runs"
        description="Is the candidate better than the base? Items finished in both runs are paired and tested for a difference."
      />
      <ComparePicker base={search.base} candidate={search.candidate} />
      {ready ? (
        <ComparisonBody baseId={search.base as string} candidateId={search.candidate as string} />
      ) : (
        <p className="text-sm text-zinc-500">
          {search.base && search.base === search.candidate ? 'Pick two different runs.' : 'Pick a base run and a candidate run of the same dataset.'}
        </p>
      )}
    </div>
  );
}
