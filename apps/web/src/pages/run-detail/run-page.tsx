import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { GitCompare, Play, Square } from 'lucide-react';
import { isApiError } from '../../api/api-error';
import { api, unwrap } from '../../api/client';
import { useCan } from '../../auth/session';
import { Button } from '../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Select } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { PageHeader } from '../../components/ui/page-header';
import { Pagination } from '../../components/ui/pagination';
import { toast } from '../../components/ui/toast';
import { formatDateTime } from '../../lib/format';
import { datasetQuery } from '../datasets/datasets-queries';
import { shortId } from '../executions/template-refs';
import { RunProgressBar } from '../runs/run-progress-bar';
import { canResume, isLiveRun } from '../runs/run-status';
import { RunStatusBadge } from '../runs/run-status-badge';
import { type Run, runKeys, runQuery } from '../runs/runs-queries';
import { runResultsQuery } from './run-queries';
import { runRoute } from './run-route';
import { RESULTS_PAGE_SIZE, type RunSearch } from './run-search';
import { scorerRows, summaryFacts } from './run-summary';
import { RerunDialog } from './rerun-dialog';
import { ResultsTable } from './results-table';

function RunActions({ run }: { run: Run }) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: runKeys.one(run.id) }), queryClient.invalidateQueries({ queryKey: runKeys.lists })]);
  async function act(action: 'cancel' | 'resume') {
    try {
      if (action === 'cancel') await unwrap(api.POST('/v1/runs/{id}/cancel', { params: { path: { id: run.id } } }));
      else await unwrap(api.POST('/v1/runs/{id}/resume', { params: { path: { id: run.id } } }));
      await refresh();
      toast(action === 'cancel' ? 'Run cancelled' : 'Run resumed');
    } catch (error) {
      toast(`Could not ${action} the run: ${(error as Error).message}`, 'error');
    }
  }
  return (
    <>
      {isLiveRun(run.status) ? (
        <ConfirmDialog
          trigger={
            <Button size="sm" variant="danger">
              <Square /> Cancel run
            </Button>
          }
          title="Cancel this run?"
          description="Items not finished yet are cancelled, and so are their executions. Finished items keep their results; the run can be resumed later."
          confirmLabel="Cancel run"
          onConfirm={() => act('cancel')}
        />
      ) : null}
      {canResume(run) ? (
        <Button size="sm" onClick={() => act('resume')}>
          <Play /> Resume
        </Button>
      ) : null}
      <RerunDialog run={run} />
    </>
  );
}

function Summary({ run }: { run: Run }) {
  const scorers = scorerRows(run.summary);
  return (
    <Card>
      <CardHeader title="Summary" description={isLiveRun(run.status) ? 'Live: updated as items finish.' : undefined} />
      <CardBody className="flex flex-col gap-4">
        <RunProgressBar progress={run.progress} />
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
          {summaryFacts(run.summary).map((fact) => (
            <div key={fact.label}>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{fact.label}</dt>
              <dd className="text-lg font-semibold tabular-nums text-zinc-900">{fact.value}</dd>
              {fact.detail ? <dd className="text-xs text-zinc-500">{fact.detail}</dd> : null}
            </div>
          ))}
        </dl>
        {scorers.length > 0 ? (
          <table className="w-full max-w-xl text-left text-sm" aria-label="Scorers">
            <thead>
              <tr className="text-xs uppercase tracking-wide text-zinc-500">
                <th className="py-1 font-semibold">Scorer</th>
                <th className="py-1 text-right font-semibold">Mean score</th>
                <th className="py-1 text-right font-semibold">Pass rate</th>
              </tr>
            </thead>
            <tbody>
              {scorers.map((row) => (
                <tr key={row.name} className="border-t border-zinc-100">
                  <td className="py-1 font-medium">{row.name}</td>
                  <td className="py-1 text-right tabular-nums">{row.meanScore}</td>
                  <td className="py-1 text-right tabular-nums">{row.passRate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </CardBody>
    </Card>
  );
}

function Results({ run }: { run: Run }) {
  const search = runRoute.useSearch();
  const navigate = runRoute.useNavigate();
  const results = useQuery(runResultsQuery(run.id, search, isLiveRun(run.status)));
  const setFilter = (passed: RunSearch['passed']) => navigate({ search: { passed }, replace: true });
  return (
    <Card>
      <CardHeader
        title="Results"
        actions={
          <div className="flex items-center gap-2">
            <Label htmlFor="results-filter" className="text-xs text-zinc-500">
              Show
            </Label>
            <Select
              id="results-filter"
              className="h-8 w-auto text-sm"
              value={search.passed ?? ''}
              onChange={(event) => setFilter((event.target.value || undefined) as RunSearch['passed'])}
            >
              <option value="">All items</option>
              <option value="true">Passed</option>
              <option value="false">Failed or not passed</option>
            </Select>
          </div>
        }
      />
      {results.isPending ? (
        <Spinner className="p-4" label="Loading results…" />
      ) : results.isError ? (
        <ErrorAlert className="m-3" error={results.error} title="Could not load the results" />
      ) : results.data.total === 0 ? (
        <p className="p-4 text-sm text-zinc-500">{search.passed ? 'No items match this filter (yet).' : 'No items yet.'}</p>
      ) : (
        <div className={results.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>
          <ResultsTable results={results.data.items} repetitions={run.repetitions} />
          <div className="border-t border-zinc-100 px-3">
            <Pagination
              page={search.page ?? 1}
              pageSize={RESULTS_PAGE_SIZE}
              total={results.data.total}
              onPageChange={(next) => navigate({ search: (prev) => ({ ...prev, page: next === 1 ? undefined : next }) })}
            />
          </div>
        </div>
      )}
    </Card>
  );
}

/** One evaluation run: live progress, its summary, its results item by item, and what to do next. */
export function RunPage() {
  const { id } = runRoute.useParams();
  const canWrite = useCan('write');
  const run = useQuery(runQuery(id));
  const dataset = useQuery({ ...datasetQuery(run.data?.dataset_id ?? ''), enabled: Boolean(run.data), retry: false });

  if (run.isPending) return <Spinner className="p-4" label="Loading run…" />;
  if (run.isError) {
    if (isApiError(run.error) && run.error.status === 404) {
      return (
        <EmptyState
          title="No such run"
          action={
            <Button asChild variant="link">
              <Link to="/runs">All runs</Link>
            </Button>
          }
        />
      );
    }
    return <ErrorAlert error={run.error} title="Could not load the run" />;
  }
  const data = run.data;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        breadcrumb={
          <span className="flex gap-1">
            <Link to="/runs" className="hover:underline">
              Evaluation runs
            </Link>
            <span>/</span>
            <Link to="/datasets/$id" params={{ id: data.dataset_id }} search={{ tab: 'runs' }} className="hover:underline">
              {dataset.data?.name ?? 'Dataset'}
            </Link>
          </span>
        }
        title={
          <span className="flex items-center gap-2">
            <span className="truncate" title={data.template_ref}>
              {data.template_ref}
            </span>
            <RunStatusBadge status={data.status} />
          </span>
        }
        description={
          <span className="flex flex-wrap gap-x-3 gap-y-1">
            <span className="font-mono text-xs" title={data.id}>
              run {shortId(data.id)}
            </span>
            <span>
              {data.provider} / {data.model}
            </span>
            <span>
              concurrency {data.concurrency}, {data.repetitions} repetition{data.repetitions === 1 ? '' : 's'}
            </span>
            {data.tags ? <span>tags {data.tags.join(data.tag_match === 'all' ? ' and ' : ' or ')}</span> : null}
            <span>started {formatDateTime(data.created_at)}</span>
            {data.parent_run_id ? (
              <Link to="/runs/$id" params={{ id: data.parent_run_id }} className="text-brand-700 hover:underline">
                re-run of {shortId(data.parent_run_id)}
              </Link>
            ) : null}
          </span>
        }
        actions={
          <>
            <Button asChild size="sm">
              <Link to="/runs/compare" search={{ candidate: data.id, ...(data.parent_run_id ? { base: data.parent_run_id } : {}) }}>
                <GitCompare /> Compare
              </Link>
            </Button>
            {canWrite ? <RunActions run={data} /> : null}
          </>
        }
      />
      {data.error_message ? <ErrorAlert error={new Error(data.error_message)} title="The run failed" /> : null}
      <Summary run={data} />
      <Results run={data} />
    </div>
  );
}
