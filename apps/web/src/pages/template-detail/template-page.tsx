import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { isApiError } from '../../api/api-error';
import { Button } from '../../components/ui/button';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '../../components/ui/tabs';
import { AnalyticsTab } from './analytics-tab';
import { DiffTab } from './diff-tab';
import { ExecutionsTab } from './executions-tab';
import { OverviewTab } from './overview-tab';
import { SchemasTab } from './schemas-tab';
import { TemplateHeader } from './template-header';
import { versionsQuery } from './template-queries';
import { TEMPLATE_TABS, type TemplateTab } from './template-search';
import { pickShownVersion } from './template-versions';
import { VariablesTab } from './variables-tab';
import { VersionsTab } from './versions-tab';
import { templateRoute } from './template-route';

const TAB_LABELS: Record<TemplateTab, string> = {
  overview: 'Overview',
  versions: 'Versions',
  diff: 'Diff',
  schemas: 'Schemas',
  variables: 'Variables',
  executions: 'Executions',
  analytics: 'Analytics',
};

function BackToTemplates() {
  return (
    <Button asChild variant="link" size="sm">
      <Link to="/templates">Back to templates</Link>
    </Button>
  );
}

/** One template name: the shown version's header and actions, and tabs about it and its other versions. */
export function TemplatePage() {
  const { name } = templateRoute.useParams();
  const search = templateRoute.useSearch();
  const navigate = templateRoute.useNavigate();
  const versions = useQuery(versionsQuery(name));

  if (versions.isPending) return <Spinner className="p-4" label="Loading template…" />;
  if (versions.isError) {
    if (isApiError(versions.error) && versions.error.status === 404) {
      return (
        <EmptyState title={`No template named “${name}”`} action={<BackToTemplates />}>
          It may have been renamed or deleted, or the address is mistyped.
        </EmptyState>
      );
    }
    return (
      <div className="flex flex-col items-start gap-3">
        <ErrorAlert error={versions.error} title={`Could not load “${name}”`} />
        <Button size="sm" onClick={() => versions.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const shown = pickShownVersion(versions.data, search.version);
  if (shown.kind === 'missing') {
    const fallback = shown.fallback;
    return (
      <EmptyState
        title={`“${name}” has no version ${shown.requested}`}
        action={
          fallback ? (
            <Button asChild size="sm">
              <Link to="/templates/$name" params={{ name }} search={{ version: fallback.version_number }}>
                Show v{fallback.version_number}
              </Link>
            </Button>
          ) : (
            <BackToTemplates />
          )
        }
      >
        That version may have been deleted.
      </EmptyState>
    );
  }

  const version = shown.version;
  const tab = search.tab ?? 'overview';
  const setTab = (next: string) => navigate({ search: (prev) => ({ ...prev, tab: next === 'overview' ? undefined : (next as TemplateTab), page: undefined }) });

  return (
    <div className="flex flex-col gap-5">
      <TemplateHeader name={name} version={version} versions={versions.data} />
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList aria-label="Template sections">
          {TEMPLATE_TABS.map((value) => (
            <TabsTrigger key={value} value={value}>
              {TAB_LABELS[value]}
            </TabsTrigger>
          ))}
        </TabsList>
        <div className="pt-4">
          <TabsContent value="overview">
            <OverviewTab version={version} />
          </TabsContent>
          <TabsContent value="versions">
            <VersionsTab name={name} shown={version} versions={versions.data} />
          </TabsContent>
          <TabsContent value="diff">
            <DiffTab name={name} shown={version} versions={versions.data} />
          </TabsContent>
          <TabsContent value="schemas">
            <SchemasTab name={name} version={version} />
          </TabsContent>
          <TabsContent value="variables">
            <VariablesTab name={name} version={version} />
          </TabsContent>
          <TabsContent value="executions">
            <ExecutionsTab name={name} version={version} versions={versions.data} />
          </TabsContent>
          <TabsContent value="analytics">
            <AnalyticsTab name={name} versions={versions.data} />
          </TabsContent>
        </div>
      </Tabs>
    </div>
  );
}
