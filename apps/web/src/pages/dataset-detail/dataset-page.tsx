import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Download, Trash2 } from 'lucide-react';
import { isApiError } from '../../api/api-error';
import { api, unwrap } from '../../api/client';
import { useCan } from '../../auth/session';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { PageHeader } from '../../components/ui/page-header';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../components/ui/tabs';
import { toast } from '../../components/ui/toast';
import { formatNumber } from '../../lib/format';
import { type Dataset, datasetKeys, datasetQuery } from '../datasets/datasets-queries';
import { TemplateLabel } from '../datasets/template-label';
import { runKeys } from '../runs/runs-queries';
import { datasetRoute } from './dataset-route';
import type { DatasetTab } from './dataset-search';
import { EntriesTab } from './entries-tab';
import { ImportDialog } from './import-dialog';
import { RunsTab } from './runs-tab';
import { StartRunDialog } from './start-run-dialog';

function DeleteDatasetButton({ dataset }: { dataset: Dataset }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  async function remove() {
    try {
      await unwrap(api.DELETE('/v1/datasets/{id}', { params: { path: { id: dataset.id } } }));
      await Promise.all([queryClient.invalidateQueries({ queryKey: datasetKeys.lists }), queryClient.invalidateQueries({ queryKey: runKeys.lists })]);
      queryClient.removeQueries({ queryKey: datasetKeys.one(dataset.id) });
      toast(`Dataset “${dataset.name}” deleted`);
      await navigate({ to: '/datasets' });
    } catch (error) {
      toast(`Could not delete the dataset: ${(error as Error).message}`, 'error');
    }
  }
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="ghost" aria-label="Delete dataset" title="Delete dataset">
          <Trash2 />
        </Button>
      }
      title={`Delete “${dataset.name}”?`}
      description={`Its ${formatNumber(dataset.entry_count)} entries go with it, unless it has runs: then it is only hidden, and its runs and results stay readable. Executions keep their rows.`}
      confirmLabel="Delete dataset"
      onConfirm={remove}
    />
  );
}

/** One dataset: its entries (filter, edit, import, export) and its evaluation runs. */
export function DatasetPage() {
  const { id } = datasetRoute.useParams();
  const search = datasetRoute.useSearch();
  const navigate = datasetRoute.useNavigate();
  const canWrite = useCan('write');
  const canDelete = useCan('admin');
  const dataset = useQuery(datasetQuery(id));

  if (dataset.isPending) return <Spinner className="p-4" label="Loading dataset…" />;
  if (dataset.isError) {
    if (isApiError(dataset.error) && dataset.error.status === 404) {
      return (
        <EmptyState
          title="No such dataset"
          action={
            <Button asChild variant="link">
              <Link to="/datasets">Back to datasets</Link>
            </Button>
          }
        >
          It may have been deleted, or the address is mistyped.
        </EmptyState>
      );
    }
    return <ErrorAlert error={dataset.error} title="Could not load the dataset" />;
  }

  const data = dataset.data;
  const tab = search.tab ?? 'entries';
  return (
    <div className="flex flex-col gap-2">
      <PageHeader
        breadcrumb={
          <Link to="/datasets" className="hover:underline">
            Datasets
          </Link>
        }
        title={<span title={data.name}>{data.name}</span>}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {data.description ? <span>{data.description}</span> : null}
            <span className="inline-flex items-center gap-1">
              Template: <TemplateLabel templateRef={data.template} />
            </span>
            <span>{formatNumber(data.entry_count)} entries</span>
          </span>
        }
        actions={
          <>
            <Button asChild size="sm">
              {/* A plain link: the browser sends the session cookie and saves the streamed file itself. */}
              <a href={`/v1/datasets/${encodeURIComponent(data.id)}/entries/export`} download>
                <Download /> Export
              </a>
            </Button>
            {canWrite ? <ImportDialog datasetId={data.id} tiedToTemplate={Boolean(data.template)} /> : null}
            {canWrite ? <StartRunDialog dataset={data} /> : null}
            {canDelete ? <DeleteDatasetButton dataset={data} /> : null}
          </>
        }
      />
      <Tabs value={tab} onValueChange={(next) => navigate({ search: (prev) => ({ ...prev, tab: next === 'entries' ? undefined : (next as DatasetTab) }) })}>
        <TabsList aria-label="Dataset sections">
          <TabsTrigger value="entries">Entries</TabsTrigger>
          <TabsTrigger value="runs">Runs</TabsTrigger>
        </TabsList>
        <div className="pt-4">
          <TabsContent value="entries">
            <EntriesTab dataset={data} />
          </TabsContent>
          <TabsContent value="runs">
            <RunsTab dataset={data} />
          </TabsContent>
        </div>
      </Tabs>
    </div>
  );
}
