import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper, getCoreRowModel, type SortingState, type Updater, useReactTable } from '@tanstack/react-table';
import type { Schemas } from '../../api/client';
import { Badge } from '../../components/ui/badge';
import { DataTable } from '../../components/ui/data-table';
import { Td } from '../../components/ui/table';
import { cn } from '../../lib/cn';
import { formatDateTime, formatNumber, formatRelativeTime } from '../../lib/format';
import { TagChips } from './tag-chips';
import { TemplateRowActions } from './template-row-actions';
import { categoryLabel, formatSuccessRate, SUCCESS_RATE_TONE_CLASS, successRateTone } from './templates-format';
import { sortingFor, sortParamFor } from './templates-list-query';
import { providersQuery } from '../../api/queries';
import type { TemplatesSearch } from './templates-search';
import { templatesRoute } from './templates-route';

type TemplateRow = Schemas['TemplateListItem'];

const column = createColumnHelper<TemplateRow>();
const NUMERIC = 'text-right tabular-nums';

function When({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-zinc-400">—</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className="whitespace-nowrap">
      {formatRelativeTime(iso)}
    </time>
  );
}

function ProviderCell({ provider, model }: { provider: string; model: string }) {
  const catalog = useQuery(providersQuery).data;
  const concrete = provider === 'auto' ? catalog?.auto : provider;
  // An empty model means the provider's default, which is worth naming rather than leaving blank.
  const defaultModel = catalog?.items.find((item) => item.name === concrete)?.default_model;
  return (
    <div className="max-w-40">
      <div className="truncate" title={provider === 'auto' && concrete ? `auto: the first configured provider, now ${concrete}` : provider}>
        {provider}
      </div>
      {model ? (
        <div className="truncate text-xs text-zinc-500" title={model}>
          {model}
        </div>
      ) : (
        <div className="truncate text-xs text-zinc-400" title="The provider's default model">
          {defaultModel || 'default model'}
        </div>
      )}
    </div>
  );
}

const columns = [
  column.accessor('name', {
    header: 'Name',
    enableSorting: true,
    sortDescFirst: false,
    cell: ({ row: { original } }) => (
      <div className="w-52 max-w-52">
        <Link
          to="/templates/$name"
          params={{ name: original.name }}
          className="block truncate font-medium text-zinc-900 hover:text-brand-700 hover:underline"
          title={original.name}
        >
          {original.name}
        </Link>
        {original.description ? (
          <p className="truncate text-xs text-zinc-500" title={original.description}>
            {original.description}
          </p>
        ) : null}
        <TagChips tags={original.tags} />
      </div>
    ),
  }),
  column.accessor('version_number', {
    header: 'Version',
    cell: ({ row: { original } }) => (
      <span className="whitespace-nowrap">
        v{original.version_number}
        {original.version_count !== undefined && original.version_count > 1 ? <span className="text-zinc-500"> of {original.version_count}</span> : null}
      </span>
    ),
  }),
  column.accessor('category', {
    header: 'Category',
    cell: ({ getValue }) => <Badge>{categoryLabel(getValue())}</Badge>,
  }),
  column.accessor('provider', {
    header: 'Provider',
    cell: ({ row: { original } }) => <ProviderCell provider={original.provider} model={original.model} />,
  }),
  column.accessor('is_active', {
    header: 'Status',
    cell: ({ getValue }) => (getValue() ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>),
  }),
  column.accessor('usage_count', {
    header: () => <span title="Executions of the version shown, all time">Uses</span>,
    enableSorting: true,
    cell: ({ getValue }) => formatNumber(getValue()),
  }),
  column.accessor('last_used_at', {
    header: 'Last used',
    enableSorting: true,
    cell: ({ getValue }) => <When iso={getValue()} />,
  }),
  column.accessor((row) => row.stats?.executions_24h, {
    id: 'executions_24h',
    header: 'Runs 24h',
    cell: ({ row: { original } }) =>
      original.stats ? (
        <span title={`${original.stats.succeeded_24h} succeeded, ${original.stats.failed_24h} failed`}>{formatNumber(original.stats.executions_24h)}</span>
      ) : (
        '—'
      ),
  }),
  column.accessor((row) => row.stats?.success_rate_24h, {
    id: 'success_rate_24h',
    header: 'Success 24h',
    cell: ({ getValue }) => {
      const rate = getValue();
      return <span className={cn('font-medium', SUCCESS_RATE_TONE_CLASS[successRateTone(rate)])}>{formatSuccessRate(rate)}</span>;
    },
  }),
  column.accessor('updated_at', {
    header: 'Updated',
    enableSorting: true,
    cell: ({ getValue }) => <When iso={getValue()} />,
  }),
  column.display({
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row: { original } }) => <TemplateRowActions template={original} />,
  }),
];

// Dense cells so eleven columns fit beside the sidebar on a laptop; the actions stay in view when
// the table scrolls sideways on narrower screens.
const CELL = 'px-2 first:pl-3';
const CELL_CLASS: Partial<Record<string, string>> = {
  usage_count: NUMERIC,
  executions_24h: NUMERIC,
  success_rate_24h: NUMERIC,
  actions: 'sticky right-0 w-10 bg-white pr-2 text-right group-hover:bg-zinc-50',
};
// Headers much longer than their values wrap instead of widening the column.
const HEADER_CLASS: Partial<Record<string, string>> = {
  executions_24h: 'w-16 whitespace-normal',
  success_rate_24h: 'w-20 whitespace-normal',
};

function SkeletonRows() {
  return Array.from({ length: 8 }, (_, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have nothing else to tell them apart
    <tr key={index}>
      {columns.map((_column, cell) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: as above
        <Td key={cell} className={CELL}>
          <div className={cn('h-3.5 animate-pulse rounded bg-zinc-200', cell === 0 ? 'w-40' : 'w-12')} />
        </Td>
      ))}
    </tr>
  ));
}

/** One row per template name; the server sorts and pages, so the table only mirrors the URL. */
export function TemplatesTable({ rows, search, loading, stale }: { rows: TemplateRow[]; search: TemplatesSearch; loading: boolean; stale: boolean }) {
  const navigate = templatesRoute.useNavigate();
  const sorting = sortingFor(search.sort);
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    navigate({ search: (prev) => ({ ...prev, sort: sortParamFor(next), page: undefined }) });
  };
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    manualSorting: true,
    manualPagination: true,
    pageCount: -1,
    enableMultiSort: false,
    enableSortingRemoval: false,
    defaultColumn: { enableSorting: false, sortDescFirst: true },
    state: { sorting },
    onSortingChange,
  });

  return (
    <DataTable
      table={table}
      aria-busy={loading || stale}
      aria-label="Templates"
      className={cn(stale && 'opacity-60 transition-opacity')}
      columnClassName={(columnId) => cn(CELL, CELL_CLASS[columnId])}
      headerClassName={(columnId) => cn('whitespace-nowrap', HEADER_CLASS[columnId], columnId === 'actions' && 'bg-zinc-50')}
      rowProps={() => ({ className: 'group' })}
      placeholder={loading ? <SkeletonRows /> : undefined}
    />
  );
}
