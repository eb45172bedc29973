import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { DatabaseZap, X } from 'lucide-react';
import { useCallback, useMemo, useState } from 'react';
import type { Execution } from '../../api/queries';
import { useCan } from '../../auth/session';
import { AddToDatasetDialog } from './add-to-dataset-dialog';
import { MAX_SELECTED_EXECUTIONS } from './add-to-dataset';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { PageHeader } from '../../components/ui/page-header';
import { Pagination } from '../../components/ui/pagination';
import { hasFilters, PAGE_SIZE, toExecutionsQuery } from './execution-filters';
import { listRefetchInterval } from '../../components/executions/execution-status';
import { ExecutionsFiltersBar } from './executions-filters-bar';
import { executionsListQuery } from './executions-queries';
import type { ExecutionsSearch } from './executions-search';
import { type ExecutionSelection, ExecutionsTable } from './executions-table';
import { shortId } from './template-refs';

const route = getRouteApi('/app/executions');

export function ExecutionsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const list = useQuery(executionsListQuery(toExecutionsQuery(search)));
  const live = listRefetchInterval(list.data?.items) !== false;

  // Any filter change starts again from page 1.
  const applyFilters = useCallback(
    (patch: Partial<ExecutionsSearch>) => navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true }),
    [navigate],
  );
  const clearFilters = () => navigate({ search: {} });
  const canWrite = useCan('write');
  // Ticked executions, kept across pages and filters, to add to a dataset together.
  const [picked, setPicked] = useState<Map<string, Execution>>(new Map());
  const [adding, setAdding] = useState(false);
  const selection = useMemo<ExecutionSelection>(
    () => ({
      selected: new Set(picked.keys()),
      onToggle: (executions, on) =>
        setPicked((current) => {
          const next = new Map(current);
          for (const execution of executions) {
            if (!on) next.delete(execution.id);
            else if (next.size < MAX_SELECTED_EXECUTIONS) next.set(execution.id, execution);
          }
          return next;
        }),
    }),
    [picked],
  );

  return (
    <div>
      <PageHeader
        title="Executions"
        description="Every prompt run, newest first. Click a row for its prompts, output and attempts."
        actions={
          <>
            {search.run ? (
              <Badge tone="brand" className="py-1 pr-1 text-sm">
                <span title={search.run}>Run {shortId(search.run)}</span>
                <button
                  type="button"
                  className="rounded-full p-0.5 hover:bg-white/70"
                  aria-label="Clear run filter"
                  onClick={() => applyFilters({ run: undefined })}
                >
                  <X className="size-3.5" />
                </button>
              </Badge>
            ) : null}
            {live ? <Spinner label="Live: refreshing every 2 s" className="text-xs" /> : null}
          </>
        }
      />
      <ExecutionsFiltersBar search={search} onChange={applyFilters} />
      {canWrite && picked.size > 0 ? (
        <div className="mb-3 flex items-center gap-2 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm">
          <span className="font-medium text-brand-700">{picked.size} selected</span>
          <Button size="sm" variant="primary" onClick={() => setAdding(true)}>
            <DatabaseZap /> Add to dataset
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setPicked(new Map())}>
            Clear selection
          </Button>
        </div>
      ) : null}
      <AddToDatasetDialog executions={[...picked.values()]} open={adding} onOpenChange={setAdding} onAdded={() => setPicked(new Map())} />
      {list.isPending ? (
        <Spinner label="Loading executions…" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="Could not load executions" />
      ) : list.data.items.length === 0 && list.data.total > 0 ? (
        <EmptyState
          title="This page is past the end of the list"
          action={<Button onClick={() => navigate({ search: (prev) => ({ ...prev, page: undefined }) })}>Go to page 1</Button>}
        />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          title={hasFilters(search) ? 'No executions match these filters' : 'No executions yet'}
          action={hasFilters(search) ? <Button onClick={clearFilters}>Clear filters</Button> : null}
        >
          {hasFilters(search) ? (
            'Widen the time range or clear a filter.'
          ) : (
            <>
              Run a template from its page, or submit one over HTTP: <code className="text-xs">POST /v1/executions</code>.
            </>
          )}
        </EmptyState>
      ) : (
        <Card className={list.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>
          <ExecutionsTable items={list.data.items} selection={canWrite ? selection : undefined} />
          <div className="border-t border-zinc-100 px-3">
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={list.data.total}
              onPageChange={(next) => navigate({ search: (prev) => ({ ...prev, page: next === 1 ? undefined : next }) })}
            />
          </div>
        </Card>
      )}
    </div>
  );
}
