import { createColumnHelper, getCoreRowModel, getExpandedRowModel, useReactTable } from '@tanstack/react-table';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useMemo } from 'react';
import { useCan } from '../../auth/session';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { DataTable } from '../../components/ui/data-table';
import { formatDateTime, formatRelativeTime } from '../../lib/format';
import { newestFirst, previousVersion, rollbackDescription, type TemplateVersion } from './template-versions';
import { useVersionActions } from './use-version-actions';
import { VersionChanges } from './version-changes';
import { templateRoute } from './template-route';

const column = createColumnHelper<TemplateVersion>();

/** Every version of the name, newest first, with what each changed (on demand) and per-version actions. */
export function VersionsTab({ name, shown, versions }: { name: string; shown: TemplateVersion; versions: readonly TemplateVersion[] }) {
  const canWrite = useCan('write');
  const navigate = templateRoute.useNavigate();
  const actions = useVersionActions(name);
  const rows = useMemo(() => newestFirst(versions), [versions]);

  // Rebuilt each render: a handful of rows, and the cells close over the current versions and actions.
  const columns = [
    column.display({
      id: 'expand',
      header: () => <span className="sr-only">Details</span>,
      cell: ({ row }) => (
        <Button
          variant="ghost"
          size="icon"
          className="size-7"
          aria-expanded={row.getIsExpanded()}
          aria-label={`${row.getIsExpanded() ? 'Hide' : 'Show'} what v${row.original.version_number} changed`}
          onClick={row.getToggleExpandedHandler()}
        >
          {row.getIsExpanded() ? <ChevronDown /> : <ChevronRight />}
        </Button>
      ),
    }),
    column.accessor('version_number', {
      header: 'Version',
      cell: ({ row, getValue }) => (
        <span className="font-medium text-zinc-900">
          v{getValue()}
          {row.original.id === shown.id ? <span className="ml-2 text-xs font-normal text-zinc-500">(shown)</span> : null}
        </span>
      ),
    }),
    column.accessor('created_at', {
      header: 'Created',
      cell: ({ getValue }) => <span title={formatDateTime(getValue())}>{formatRelativeTime(getValue())}</span>,
    }),
    column.accessor('parent_version', {
      header: 'Parent',
      cell: ({ getValue }) => {
        const parent = getValue();
        return parent ? `v${parent}` : <span className="text-zinc-400">—</span>;
      },
    }),
    column.display({
      id: 'state',
      header: 'State',
      cell: ({ row }) => (
        <span className="flex gap-1">
          {row.original.is_active ? <Badge tone="success">active</Badge> : <Badge>inactive</Badge>}
          {row.original.resolved ? <Badge tone="info">resolved</Badge> : null}
        </span>
      ),
    }),
    column.display({
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => {
        const n = row.original.version_number;
        const previous = previousVersion(versions, n);
        return (
          <div className="flex justify-end gap-1">
            <Button size="sm" variant="ghost" onClick={() => navigate({ search: (prev) => ({ ...prev, version: n, tab: undefined }) })}>
              View
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={previous === undefined}
              title={previous === undefined ? 'The first version has no previous one' : undefined}
              onClick={() => navigate({ search: (prev) => ({ ...prev, tab: 'diff', base: previous, target: n }) })}
            >
              Diff with previous
            </Button>
            {canWrite && !row.original.resolved ? (
              <ConfirmDialog
                trigger={
                  <Button size="sm" variant="ghost">
                    Rollback
                  </Button>
                }
                title={`Roll back “${name}” to v${n}?`}
                description={rollbackDescription(name, n, versions)}
                confirmLabel="Roll back"
                onConfirm={() => actions.rollback(n)}
              />
            ) : null}
          </div>
        );
      },
    }),
  ];

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    getRowCanExpand: () => true,
    getCoreRowModel: getCoreRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
  });

  return (
    <Card>
      <DataTable
        table={table}
        aria-label={`Versions of ${name}`}
        headerClassName={(columnId) => (columnId === 'expand' ? 'w-10' : undefined)}
        rowProps={(row) => ({ 'aria-label': `v${row.original.version_number}`, className: row.original.id === shown.id ? 'bg-brand-50/40' : undefined })}
        renderSubRow={(row) =>
          row.getIsExpanded() ? (
            <VersionChanges name={name} base={previousVersion(versions, row.original.version_number)} target={row.original.version_number} />
          ) : null
        }
      />
    </Card>
  );
}
