import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Pagination } from '../../components/ui/pagination';
import type { Dataset } from '../datasets/datasets-queries';
import { useComparePicker } from '../runs/compare-picker';
import { datasetRunsQuery } from '../runs/runs-queries';
import { RunsTable } from '../runs/runs-table';
import { datasetRoute } from './dataset-route';
import { HISTORY_RUNS, historyPoints, RUNS_TAB_PAGE_SIZE } from './run-history';

// Recharts is large; it loads with this tab's chart only, never with the console's first page.
const RunHistoryChart = lazy(() => import('./run-history-chart'));

function PassRateHistory({ datasetId }: { datasetId: string }) {
  const navigate = useNavigate();
  const history = useQuery(datasetRunsQuery(datasetId, { limit: HISTORY_RUNS, offset: 0 }));
  let body: ReactNode;
  if (history.isPending) body = <Spinner label="Loading the history…" />;
  else if (history.isError) body = <ErrorAlert error={history.error} title="Could not load the run history" />;
  else {
    const points = historyPoints(history.data.items);
    body =
      points.length < 2 ? (
        <p className="text-sm text-zinc-500">The chart appears once two runs have finished.</p>
      ) : (
        <Suspense fallback={<Spinner label="Loading the chart…" />}>
          <RunHistoryChart points={points} onSelect={(id) => navigate({ to: '/runs/$id', params: { id } })} />
        </Suspense>
      );
  }
  return (
    <Card className="mb-4">
      <CardHeader title="Pass rate over time" description={`The last ${HISTORY_RUNS} finished runs at most; click a point to open its run.`} />
      <CardBody>{body}</CardBody>
    </Card>
  );
}

/** The dataset's runs: the pass-rate trend, and the list, from which two runs can be compared. */
export function RunsTab({ dataset }: { dataset: Dataset }) {
  const search = datasetRoute.useSearch();
  const navigate = datasetRoute.useNavigate();
  const page = search.runs_page ?? 1;
  const runs = useQuery(datasetRunsQuery(dataset.id, { limit: RUNS_TAB_PAGE_SIZE, offset: (page - 1) * RUNS_TAB_PAGE_SIZE }));
  const { selection, button } = useComparePicker();

  if (runs.isPending) return <Spinner label="Loading runs…" />;
  if (runs.isError) return <ErrorAlert error={runs.error} title="Could not load the runs" />;
  if (runs.data.total === 0) {
    return <EmptyState title="No runs yet">Start a run to execute a template version over these entries and score the outputs.</EmptyState>;
  }
  return (
    <div>
      <PassRateHistory datasetId={dataset.id} />
      <div className="mb-2 flex items-center justify-between gap-2">
        <p className="text-sm text-zinc-600">Tick two runs to compare them entry by entry.</p>
        {button}
      </div>
      <Card>
        <RunsTable runs={runs.data.items} selection={selection} stale={runs.isPlaceholderData} />
        <div className="border-t border-zinc-100 px-3">
          <Pagination
            page={page}
            pageSize={RUNS_TAB_PAGE_SIZE}
            total={runs.data.total}
            onPageChange={(next) => navigate({ search: (prev) => ({ ...prev, runs_page: next === 1 ? undefined : next }) })}
          />
        </div>
      </Card>
    </div>
  );
}
