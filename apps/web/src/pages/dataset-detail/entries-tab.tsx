import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { ChevronDown, ChevronRight, Pencil, Plus, Trash2 } from 'lucide-react';
import { type ReactNode, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useCan } from '../../auth/session';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DataTable } from '../../components/ui/data-table';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Pagination } from '../../components/ui/pagination';
import { toast } from '../../components/ui/toast';
import { cn } from '../../lib/cn';
import { formatDateTime, formatNumber, formatRelativeTime } from '../../lib/format';
import type { Dataset } from '../datasets/datasets-queries';
import { type Entry, entriesQuery, refreshDataset } from './dataset-queries';
import { datasetRoute } from './dataset-route';
import { ENTRIES_PAGE_SIZE, parseTagParam, toggleTag } from './dataset-search';
import { EntryDialog } from './entry-dialog';
import { jsonPreview } from './entry-form';

const column = createColumnHelper<Entry>();
// Stable while loading: TanStack Table re-renders whenever its data is a new array.
const NO_ENTRIES: Entry[] = [];

function JsonCell({ value }: { value: unknown }) {
  const text = jsonPreview(value);
  if (text === '') return <span className="text-zinc-400">—</span>;
  return (
    <span className="block max-w-80 truncate font-mono text-xs text-zinc-700" title={text.slice(0, 2000)}>
      {text}
    </span>
  );
}

function TagChips({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <span className="flex max-w-56 flex-wrap gap-1">
      {tags.map((tag) => (
        <Badge key={tag} tone="neutral" className="max-w-32 truncate" title={tag}>
          {tag}
        </Badge>
      ))}
    </span>
  );
}

function EntryDetail({ entry }: { entry: Entry }) {
  const block = (label: string, value: unknown) => (
    <div className="min-w-0 flex-1">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">{label}</p>
      <pre className="max-h-72 overflow-auto rounded-md border border-zinc-200 bg-white p-2 font-mono text-xs whitespace-pre-wrap break-all">
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
  return (
    <div className="flex flex-col gap-3 md:flex-row">
      {block('Input data', entry.input_data)}
      {block('Expected output', entry.expected_output)}
    </div>
  );
}

/** The tags in use (with counts) as toggles that filter the entries; any or all of them. */
function TagFilter({ tagCounts }: { tagCounts: Record<string, number> }) {
  const search = datasetRoute.useSearch();
  const navigate = datasetRoute.useNavigate();
  const selected = parseTagParam(search.tags);
  const tags = Object.entries(tagCounts);
  if (tags.length === 0) return null;
  const go = (patch: { tags?: string; match?: 'all' }) => navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });
  return (
    <fieldset className="mb-3 flex flex-wrap items-center gap-1.5">
      <legend className="sr-only">Filter by tag</legend>
      <span className="mr-1 text-xs text-zinc-500">Tags</span>
      {tags.map(([tag, count]) => {
        const on = selected.includes(tag);
        return (
          <button
            key={tag}
            type="button"
            aria-pressed={on}
            onClick={() => go({ tags: toggleTag(search.tags, tag) })}
            className={cn(
              'rounded-full border px-2 py-0.5 text-xs',
              on ? 'border-brand-600 bg-brand-50 text-brand-700' : 'border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100',
            )}
          >
            {tag} <span className="tabular-nums text-zinc-400">{formatNumber(count)}</span>
          </button>
        );
      })}
      {selected.length > 1 ? (
        <label className="ml-2 flex items-center gap-1.5 text-xs text-zinc-600">
          <input
            type="checkbox"
            className="size-3.5 accent-brand-600"
            checked={search.match === 'all'}
            onChange={(event) => go({ match: event.target.checked ? 'all' : undefined })}
          />
          Match all selected tags
        </label>
      ) : null}
      {selected.length > 0 ? (
        <Button size="sm" variant="link" onClick={() => go({ tags: undefined, match: undefined })}>
          Clear
        </Button>
      ) : null}
    </fieldset>
  );
}

/** One page of entries at a time (never the whole dataset), with add, edit and delete. */
export function EntriesTab({ dataset }: { dataset: Dataset }) {
  const search = datasetRoute.useSearch();
  const navigate = datasetRoute.useNavigate();
  const queryClient = useQueryClient();
  const canWrite = useCan('write');
  const canDelete = useCan('admin');
  const entries = useQuery(entriesQuery(dataset.id, search));
  const [expanded, setExpanded] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ entry?: Entry } | null>(null);
  const [deleting, setDeleting] = useState<Entry | null>(null);
  const tagSuggestions = Object.keys(dataset.tags);
  async function remove(entry: Entry) {
    try {
      await unwrap(api.DELETE('/v1/datasets/{id}/entries/{entryId}', { params: { path: { id: dataset.id, entryId: entry.id } } }));
      await refreshDataset(queryClient, dataset.id);
      toast('Entry deleted');
    } catch (error) {
      toast(`Could not delete the entry: ${(error as Error).message}`, 'error');
    }
  }

  const columns = useMemo(
    () => [
      column.display({
        id: 'expand',
        header: () => <span className="sr-only">Details</span>,
        cell: (info) =>
          expanded === info.row.original.id ? <ChevronDown className="size-4 text-zinc-400" /> : <ChevronRight className="size-4 text-zinc-400" />,
      }),
      column.accessor('input_data', { header: 'Input data', cell: (info) => <JsonCell value={info.getValue()} /> }),
      column.accessor('expected_output', { header: 'Expected output', cell: (info) => <JsonCell value={info.getValue()} /> }),
      column.accessor('tags', { header: 'Tags', cell: (info) => <TagChips tags={info.getValue()} /> }),
      column.accessor('created_at', {
        header: 'Added',
        cell: (info) => (
          <span className="whitespace-nowrap text-zinc-600" title={formatDateTime(info.getValue())}>
            {formatRelativeTime(info.getValue())}
          </span>
        ),
      }),
      column.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: (info) => (
          <div className="flex justify-end gap-1">
            {canWrite ? (
              <Button
                size="icon"
                variant="ghost"
                aria-label="Edit entry"
                title="Edit"
                onClick={(event) => {
                  event.stopPropagation();
                  setEditing({ entry: info.row.original });
                }}
              >
                <Pencil />
              </Button>
            ) : null}
            {canDelete ? (
              <Button
                size="icon"
                variant="ghost"
                aria-label="Delete entry"
                title="Delete"
                onClick={(event) => {
                  event.stopPropagation();
                  setDeleting(info.row.original);
                }}
              >
                <Trash2 />
              </Button>
            ) : null}
          </div>
        ),
      }),
    ],
    [expanded, canWrite, canDelete],
  );
  const table = useReactTable({
    data: entries.data?.items ?? NO_ENTRIES,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
    enableSorting: false,
  });

  let content: ReactNode;
  if (entries.isPending) content = <Spinner label="Loading entries…" />;
  else if (entries.isError) content = <ErrorAlert error={entries.error} title="Could not load the entries" />;
  else if (entries.data.total === 0) {
    content = search.tags ? (
      <EmptyState
        title="No entries carry these tags"
        action={
          <Button onClick={() => navigate({ search: (prev) => ({ ...prev, tags: undefined, match: undefined, page: undefined }) })}>
            Clear the tag filter
          </Button>
        }
      />
    ) : (
      <EmptyState title="No entries yet">
        {canWrite
          ? 'Add entries one by one, import a JSON or JSON Lines file, or add executions from the Executions page.'
          : 'Entries appear here once someone with write access adds them.'}
      </EmptyState>
    );
  } else {
    content = (
      <Card className={entries.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}>
        <DataTable
          table={table}
          aria-label="Entries"
          columnClassName={(id) => (id === 'expand' ? 'w-8 pr-0' : id === 'actions' ? 'w-24' : undefined)}
          rowProps={(row) => ({
            className: 'cursor-pointer',
            'aria-expanded': expanded === row.original.id,
            onClick: () => setExpanded((current) => (current === row.original.id ? null : row.original.id)),
          })}
          renderSubRow={(row) => (expanded === row.original.id ? <EntryDetail entry={row.original} /> : null)}
        />
        <div className="border-t border-zinc-100 px-3">
          <Pagination
            page={search.page ?? 1}
            pageSize={ENTRIES_PAGE_SIZE}
            total={entries.data.total}
            onPageChange={(next) => navigate({ search: (prev) => ({ ...prev, page: next === 1 ? undefined : next }) })}
          />
        </div>
      </Card>
    );
  }

  return (
    <div>
      <div className="flex items-start justify-between gap-3">
        <TagFilter tagCounts={dataset.tags} />
        <label className="ml-auto flex shrink-0 items-center gap-1.5 pt-1 text-xs text-zinc-600">
          <input
            type="checkbox"
            className="size-3.5 accent-brand-600"
            checked={search.order === 'newest'}
            onChange={(event) =>
              navigate({ search: (prev) => ({ ...prev, order: event.target.checked ? 'newest' : undefined, page: undefined }), replace: true })
            }
          />
          Newest first
        </label>
        {canWrite ? (
          <Button size="sm" className="shrink-0" onClick={() => setEditing({})}>
            <Plus /> Add entry
          </Button>
        ) : null}
      </div>
      {content}
      <EntryDialog
        datasetId={dataset.id}
        entry={editing?.entry}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        tagSuggestions={tagSuggestions}
      />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title="Delete this entry?"
        description="It leaves the dataset for good. Executions and run results that used it keep their rows."
        confirmLabel="Delete entry"
        onConfirm={() => (deleting ? remove(deleting) : undefined)}
      />
    </div>
  );
}
