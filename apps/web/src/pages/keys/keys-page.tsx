import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { ShieldAlert, Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import { api, unwrap } from '../../api/client';
import { principalCan, useSession } from '../../auth/session';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { PageHeader } from '../../components/ui/page-header';
import { DataTable } from '../../components/ui/data-table';
import { toast } from '../../components/ui/toast';
import { formatDateTime, formatRelativeTime } from '../../lib/format';
import { CreateKeyDialog } from './create-key-dialog';
import { type ApiKey, broadestScope, sortKeys } from './key-scopes';
import { keysQuery } from './keys-queries';

const column = createColumnHelper<ApiKey>();

function When({ iso, never = '—' }: { iso: string | null; never?: string }) {
  if (!iso) return <span className="text-zinc-400">{never}</span>;
  return (
    <span className="whitespace-nowrap" title={formatDateTime(iso)}>
      {formatRelativeTime(iso)}
    </span>
  );
}

function RevokeButton({ apiKey, own }: { apiKey: ApiKey; own: boolean }) {
  const queryClient = useQueryClient();
  async function revoke() {
    try {
      await unwrap(api.DELETE('/v1/keys/{id}', { params: { path: { id: apiKey.id } } }));
    } catch (error) {
      toast(`Revoke failed: ${(error as Error).message}`, 'error');
      throw error;
    }
    toast(`Revoked ${apiKey.name}`);
    // Revoking the key this console signed in with ends the session: the refetch then leads to sign-in.
    await queryClient.invalidateQueries({ queryKey: keysQuery.queryKey });
  }
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50" aria-label={`Revoke ${apiKey.name}`}>
          <Trash2 /> Revoke
        </Button>
      }
      title={`Revoke "${apiKey.name}"?`}
      description={
        <>
          The key stops working at once, and console sessions signed in with it end. Programs using it get 401 until they get a new key. This cannot be undone.
          {own ? (
            <strong className="mt-2 block text-red-700">This is the key you are signed in with: you will have to sign in again with another key.</strong>
          ) : null}
        </>
      }
      confirmLabel="Revoke key"
      onConfirm={revoke}
    />
  );
}

function KeysTable({ keys, ownKeyId }: { keys: ApiKey[]; ownKeyId: string | null }) {
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Name',
        cell: (info) => (
          <span className="flex items-center gap-2">
            <span className="max-w-56 truncate font-medium text-zinc-900" title={info.getValue()}>
              {info.getValue()}
            </span>
            {info.row.original.id === ownKeyId ? <Badge tone="brand">you</Badge> : null}
          </span>
        ),
      }),
      column.accessor('key_prefix', { header: 'Prefix', cell: (info) => <code className="font-mono text-xs text-zinc-700">{info.getValue()}…</code> }),
      column.accessor('scopes', {
        header: 'Scopes',
        cell: (info) => {
          const broadest = broadestScope(info.getValue());
          return broadest ? <Badge tone={broadest === 'admin' ? 'brand' : broadest === 'write' ? 'info' : 'neutral'}>{broadest}</Badge> : '—';
        },
      }),
      column.accessor('created_at', { header: 'Created', cell: (info) => <When iso={info.getValue()} /> }),
      column.accessor('last_used_at', { header: 'Last used', cell: (info) => <When iso={info.getValue()} never="Never" /> }),
      column.accessor('revoked_at', {
        header: 'Status',
        cell: (info) =>
          info.getValue() ? (
            <Badge tone="danger" title={formatDateTime(info.getValue())}>
              Revoked {formatRelativeTime(info.getValue())}
            </Badge>
          ) : (
            <Badge tone="success">Active</Badge>
          ),
      }),
      column.display({
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        cell: (info) => (info.row.original.revoked_at ? null : <RevokeButton apiKey={info.row.original} own={info.row.original.id === ownKeyId} />),
      }),
    ],
    [ownKeyId],
  );
  const table = useReactTable({ data: keys, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id });
  return <DataTable table={table} aria-label="API keys" rowProps={(row) => ({ className: row.original.revoked_at ? 'text-zinc-500' : undefined })} />;
}

export function KeysPage() {
  const principal = useSession();
  const isAdmin = principalCan(principal, 'admin');
  const keys = useQuery({ ...keysQuery, enabled: isAdmin });
  const sorted = useMemo(() => sortKeys(keys.data?.items ?? []), [keys.data]);
  const localMode = principal?.kind === 'local';
  const title = 'API keys';

  if (!isAdmin) {
    return (
      <div>
        <PageHeader title={title} />
        <EmptyState
          title={
            <span className="inline-flex items-center gap-1.5">
              <ShieldAlert className="size-4 text-amber-600" /> Managing API keys needs the admin scope
            </span>
          }
        >
          Ask an admin for a key with more scopes, or sign in with an admin key.
        </EmptyState>
      </div>
    );
  }

  return (
    <div>
      <PageHeader
        title={title}
        description="Keys authenticate programs, the CLI and console sign-in. Only a hash is stored; a key is shown once, when it is created."
        actions={<CreateKeyDialog key={localMode ? 'local' : 'keys'} localMode={localMode} />}
      />
      {localMode ? (
        <div className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Local mode: no key exists, so this machine is served without sign-in. Creating the first key turns authentication on for everyone.
        </div>
      ) : null}
      {keys.isPending ? (
        <Spinner label="Loading keys…" />
      ) : keys.isError ? (
        <ErrorAlert error={keys.error} title="Could not load the keys" />
      ) : sorted.length === 0 ? (
        <EmptyState title="No API keys yet">Create one for each program or person that calls the API.</EmptyState>
      ) : (
        <Card>
          <KeysTable keys={sorted} ownKeyId={principal?.kind === 'api_key' ? principal.key_id : null} />
        </Card>
      )}
    </div>
  );
}
