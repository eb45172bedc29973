import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Plus, RotateCw, Sparkles } from 'lucide-react';
import { type ReactNode, useEffect } from 'react';
import { useCan } from '../../auth/session';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, ErrorAlert } from '../../components/ui/feedback';
import { PageHeader } from '../../components/ui/page-header';
import { Pagination } from '../../components/ui/pagination';
import { hasFilters, lastPage, PAGE_SIZE, withoutFilters } from './templates-list-query';
import { templatesListQuery } from './templates-queries';
import { TemplatesTable } from './templates-table';
import { TemplatesToolbar } from './templates-toolbar';
import { templatesRoute } from './templates-route';

function CreateButtons() {
  return (
    <>
      <Button asChild>
        <Link to="/generate">
          <Sparkles /> Generate
        </Link>
      </Button>
      <Button asChild variant="primary">
        <Link to="/templates/new">
          <Plus /> New template
        </Link>
      </Button>
    </>
  );
}

/** Every template name with its version in use, usage and the last day's executions; state lives in the URL. */
export function TemplatesPage() {
  const search = templatesRoute.useSearch();
  const navigate = templatesRoute.useNavigate();
  const canWrite = useCan('write');
  const list = useQuery(templatesListQuery(search));
  const page = search.page ?? 1;
  const total = list.data?.total ?? 0;

  // A page emptied by deletes (or a stale link) moves to the last page that has rows.
  const beyondLastPage = list.data !== undefined && !list.isPlaceholderData && list.data.items.length === 0 && total > 0 && page > 1;
  useEffect(() => {
    if (!beyondLastPage) return;
    const last = lastPage(total);
    navigate({ search: (prev) => ({ ...prev, page: last === 1 ? undefined : last }), replace: true });
  }, [beyondLastPage, total, navigate]);

  let content: ReactNode;
  if (list.isError && !list.data) {
    content = (
      <div className="space-y-3">
        <ErrorAlert error={list.error} title="Could not load the templates" />
        <Button onClick={() => list.refetch()}>
          <RotateCw /> Try again
        </Button>
      </div>
    );
  } else if (list.data && total === 0) {
    content = hasFilters(search) ? (
      <EmptyState
        title="No templates match these filters"
        action={
          <Button asChild variant="link">
            <Link to="/templates" search={withoutFilters(search)}>
              Clear filters
            </Link>
          </Button>
        }
      >
        Try another search, category, status or provider.
      </EmptyState>
    ) : (
      <EmptyState
        title="No templates yet"
        action={
          canWrite ? (
            <div className="flex gap-2">
              <CreateButtons />
            </div>
          ) : null
        }
      >
        {canWrite
          ? 'Write a prompt template, or describe one and let Generate draft it.'
          : 'Templates appear here once someone with write access creates them.'}
      </EmptyState>
    );
  } else {
    content = (
      <Card>
        <TemplatesTable rows={list.data?.items ?? []} search={search} loading={list.isPending} stale={list.isPlaceholderData} />
        {list.isError ? <ErrorAlert error={list.error} title="Could not refresh the templates" className="m-3" /> : null}
        {list.data ? (
          <div className="border-t border-zinc-100 px-3">
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={total}
              onPageChange={(next) => navigate({ search: (prev) => ({ ...prev, page: next === 1 ? undefined : next }) })}
            />
          </div>
        ) : null}
      </Card>
    );
  }

  return (
    <>
      <PageHeader
        title="Templates"
        description="One row per template name: the version in use, its usage and the last 24 hours."
        actions={canWrite ? <CreateButtons /> : null}
      />
      <TemplatesToolbar search={search} />
      {content}
    </>
  );
}
