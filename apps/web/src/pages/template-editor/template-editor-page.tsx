import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useCan } from '../../auth/session';
import { Button } from '../../components/ui/button';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { PageHeader } from '../../components/ui/page-header';
import { templateQuery } from '../../api/queries';
import { editorRef } from './editor-queries';
import { TemplateEditor } from './template-editor';

const editRoute = getRouteApi('/app/templates/$name/edit');

/** The editor previews and saves, both of which need the write scope; a read-only key gets an explanation instead. */
function RequireWrite({ title, children }: { title: string; children: ReactNode }) {
  const canWrite = useCan('write');
  if (canWrite) return children;
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        title="This key is read-only"
        action={
          <Button asChild>
            <Link to="/templates">Back to templates</Link>
          </Button>
        }
      >
        Editing, previewing and running templates need an API key with the write scope.
      </EmptyState>
    </>
  );
}

/** `/templates/new`: version 1 of a new template. */
export function NewTemplatePage() {
  return (
    <RequireWrite title="New template">
      <TemplateEditor base={null} />
    </RequireWrite>
  );
}

/** `/templates/$name/edit?from=N`: the next version, starting from version N (or the version the name resolves to). */
export function EditTemplatePage() {
  const { name } = editRoute.useParams();
  const { from } = editRoute.useSearch();
  return (
    <RequireWrite title={`Edit ${name}`}>
      <EditLoadedTemplate name={name} from={from} />
    </RequireWrite>
  );
}

function EditLoadedTemplate({ name, from }: { name: string; from: number | undefined }) {
  const { data: template, error, isPending } = useQuery(templateQuery(editorRef(name, from)));
  if (isPending) return <Spinner label="Loading the template…" />;
  if (error) {
    return (
      <>
        <PageHeader title={`Edit ${name}`} />
        <ErrorAlert error={error} title={from ? `Cannot open ${name} v${from}` : `Cannot open ${name}`} />
      </>
    );
  }
  // Keyed by version, so opening another version starts a fresh form instead of keeping stale edits.
  return <TemplateEditor key={template.id} base={template} />;
}
