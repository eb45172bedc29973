import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { RotateCw } from 'lucide-react';
import { type ReactNode, useCallback, useMemo } from 'react';
import { useCan } from '../../auth/session';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { PageHeader } from '../../components/ui/page-header';
import { Pagination } from '../../components/ui/pagination';
import { DataTable } from '../../components/ui/data-table';
import { formatDateTime, formatNumber, formatRelativeTime } from '../../lib/format';
import { CreateDatasetDialog } from './create-dataset-dialog';
import { type DatasetListItem, datasetsListQuery } from './datasets-queries';
import { datasetsRoute } from './datasets-route';
import { DATASETS_PAGE_SIZE } from './datasets-search';
import { SearchBox } from '../../components/ui/search-box';
import { TemplateLabel } from './template-label';

const column = createColumnHelper<DatasetListItem>();

function DatasetsTable({ items, stale }: { items: DatasetListItem[]; stale: boolean }) {
  const navigate = useNavigate();
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Name',
        cell: (info) => (
          <div className="min-w-0 max-w-96">
            <Link
              to="/datasets/$id"
              params={{ id: info.row.original.id }}
              className="block truncate font-medium text-zinc-900 hover:underline"
              title={info.getValue()}
            >
              {info.getValue()}
            </Link>
            {info.row.original.description ? (
              <p className="truncate text-xs text-zinc-500" title={info.row.original.description}>
                {info.row.original.description}
              </p>
            ) : null}
          </div>
        ),
      }),
      column.accessor('template', { header: 'Template', cell: (info) => <TemplateLabel templateRef={info.getValue()} /> }),
      column.accessor('entry_count', {
        header: () => <span className="block text-right">Entries</span>,
        cell: (info) => <span className="block text-right tabular-nums">{formatNumber(info.getValue())}</span>,
      }),
      column.accessor('updated_at', {
        header: 'Updated',
        cell: (info) => (
          <span className="whitespace-nowrap text-zinc-600" title={formatDateTime(info.getValue())}>
            {formatRelativeTime(info.getValue())}
          </span>
        ),
      }),
    ],
    [],
  );
  const table = useReactTable({ data: items, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id, enableSorting: false });
  return (
    <DataTable
      table={table}
      aria-label="Datasets"
      className={stale ? 'opacity-60 transition-opacity' : undefined}
      rowProps={(row) => ({ className: 'cursor-pointer', onClick: () => navigate({ to: '/datasets/$id', params: { id: row.original.id } }) })}
    />
  );
}

/** Every dataset by name, with its template, size and last change; search and page live in the URL. */
export function DatasetsPage() {
  const search = datasetsRoute.useSearch();
  const navigate = datasetsRoute.useNavigate();
  const canWrite = useCan('write');
  const list = useQuery(datasetsListQuery(search));
  const page = search.page ?? 1;
  const onSearch = useCallback((text: string) => navigate({ search: { q: text || undefined }, replace: true }), [navigate]);

  let content: ReactNode;
  if (list.isPending) content = <Spinner label="Loading datasets…" />;
  else if (list.isError) {
    content = (
      <div className="space-y-3">
        <ErrorAlert error={list.error} title="Could not load the datasets" />
        <Button onClick={() => list.refetch()}>
          <RotateCw /> Try again
        </Button>
      </div>
    );
  } else if (list.data.total === 0) {
    content = search.q ? (
      <EmptyState title="No datasets match this search" action={<Button onClick={() => navigate({ search: {} })}>Clear search</Button>} />
    ) : (
      <EmptyState title="No datasets yet" action={canWrite ? <CreateDatasetDialog /> : null}>
        A dataset holds test cases (input data and the expected output) to evaluate template versions against.
      </EmptyState>
    );
  } else {
    content = (
      <Card>
        <DatasetsTable items={list.data.items} stale={list.isPlaceholderData} />
        <div className="border-t border-zinc-100 px-3">
          <Pagination
            page={page}
            pageSize={DATASETS_PAGE_SIZE}
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
        title="Datasets"
        description="Test cases for evaluating templates: import them, edit them, and run template versions over them."
        actions={canWrite ? <CreateDatasetDialog /> : null}
      />
      <div className="mb-3">
        <SearchBox id="datasets-search" label="Search datasets" placeholder="Search name or description…" value={search.q ?? ''} onSearch={onSearch} />
      </div>
      {content}
    </>
  );
}
