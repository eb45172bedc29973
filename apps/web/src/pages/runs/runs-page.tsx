import { useQuery } from '@tanstack/react-query';
import { RotateCw } from 'lucide-react';
import type { ReactNode } from 'react';
import { RUN_STATUSES, type RunStatus } from '../../api/enums';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Select } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { PageHeader } from '../../components/ui/page-header';
import { Pagination } from '../../components/ui/pagination';
import { datasetChoicesQuery } from '../datasets/datasets-queries';
import { useComparePicker } from './compare-picker';
import { runsListQuery } from './runs-queries';
import { runsRoute } from './runs-route';
import { RUNS_PAGE_SIZE, type RunsSearch } from './runs-search';
import { RunsTable } from './runs-table';

/** Every evaluation run, newest first, filtered by dataset and status; tick two to compare them. */
export function RunsPage() {
  const search = runsRoute.useSearch();
  const navigate = runsRoute.useNavigate();
  const list = useQuery(runsListQuery(search));
  const datasets = useQuery(datasetChoicesQuery);
  const { selection, button } = useComparePicker();
  const page = search.page ?? 1;
  const filtered = Boolean(search.dataset || search.status);
  const setFilters = (patch: Partial<RunsSearch>) => navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });

  let content: ReactNode;
  if (list.isPending) content = <Spinner label="Loading runs…" />;
  else if (list.isError) {
    content = (
      <div className="space-y-3">
        <ErrorAlert error={list.error} title="Could not load the runs" />
        <Button onClick={() => list.refetch()}>
          <RotateCw /> Try again
        </Button>
      </div>
    );
  } else if (list.data.total === 0) {
    content = filtered ? (
      <EmptyState title="No runs match these filters" action={<Button onClick={() => navigate({ search: {} })}>Clear filters</Button>} />
    ) : (
      <EmptyState title="No evaluation runs yet">
        Open a dataset and start a run: it executes a template version over every entry and scores the outputs.
      </EmptyState>
    );
  } else {
    content = (
      <Card>
        <RunsTable runs={list.data.items} showDataset selection={selection} stale={list.isPlaceholderData} />
        <div className="border-t border-zinc-100 px-3">
          <Pagination
            page={page}
            pageSize={RUNS_PAGE_SIZE}
            total={list.data.total}
            onPageChange={(next) => navigate({ search: (prev) => ({ ...prev, page: next === 1 ? undefined : next }) })}
          />
        </div>
      </Card>
    );
  }

  return (
    <>
      <PageHeader
        title="Evaluation runs"
        description="Template versions run over datasets and scored. Tick two runs of a dataset to compare them."
        actions={button}
      />
      <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex items-center gap-2">
          <Label htmlFor="runs-dataset" className="text-xs text-zinc-500">
            Dataset
          </Label>
          <Select
            id="runs-dataset"
            className="h-8 w-auto max-w-64 text-sm"
            value={search.dataset ?? ''}
            onChange={(event) => setFilters({ dataset: event.target.value || undefined })}
          >
            <option value="">All</option>
            {datasets.data?.map((dataset) => (
              <option key={dataset.id} value={dataset.id}>
                {dataset.name}
              </option>
            ))}
            {search.dataset && datasets.data && !datasets.data.some((dataset) => dataset.id === search.dataset) ? (
              <option value={search.dataset}>{search.dataset}</option>
            ) : null}
          </Select>
        </div>
        <div className="flex items-center gap-2">
          <Label htmlFor="runs-status" className="text-xs text-zinc-500">
            Status
          </Label>
          <Select
            id="runs-status"
            className="h-8 w-auto text-sm"
            value={search.status ?? ''}
            onChange={(event) => setFilters({ status: (event.target.value || undefined) as RunStatus | undefined })}
          >
            <option value="">All</option>
            {RUN_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {content}
    </>
  );
}
