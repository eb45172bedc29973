import { useQuery } from '@tanstack/react-query';
import { analyticsSeriesQuery, type SeriesParams } from '../../components/analytics/analytics-queries';
import { customRangeProblem, resolveRange } from '../../components/analytics/analytics-range';
import { AnalyticsView } from '../../components/analytics/analytics-view';
import { ErrorAlert, Spinner } from '../../components/ui/feedback';
import { PageHeader } from '../../components/ui/page-header';
import { DashboardFilters } from './dashboard-filters';
import { dashboardRoute } from './dashboard-route';
import type { DashboardSearch } from './dashboard-search';
import { TopTemplatesCard } from './top-templates-card';

/** Executions, success, tokens, cost and latency over a range, for everything or a template, provider or model. */
export function DashboardPage() {
  const search = dashboardRoute.useSearch();
  const navigate = dashboardRoute.useNavigate();
  const preset = search.range ?? '7d';
  const usable = preset !== 'custom' || customRangeProblem(search) === null;
  const range = resolveRange(usable ? preset : '7d', Date.now(), search, search.bucket);
  const scope = {
    ...(search.provider ? { provider: search.provider } : {}),
    ...(search.model ? { model: search.model } : {}),
  };
  const params: SeriesParams = { from: range.from, to: range.to, bucket: range.bucket, ...scope, ...(search.template ? { template: search.template } : {}) };
  const series = useQuery(analyticsSeriesQuery(params));
  const onChange = (patch: Partial<DashboardSearch>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch, ...(patch.range !== undefined ? { range: patch.range === '7d' ? undefined : patch.range } : {}) }) });

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Dashboard"
        description="What executions came to over time: counts, success, tokens, cost and latency. Buckets are UTC hours or days."
      />
      <DashboardFilters search={search} onChange={onChange} />
      {series.isPending ? (
        <Spinner label="Loading analytics…" />
      ) : series.isError ? (
        <ErrorAlert error={series.error} title="Could not load the analytics" />
      ) : (
        <AnalyticsView
          data={series.data}
          empty={
            search.template || search.provider || search.model
              ? 'Nothing matches these filters here.'
              : 'Run a template (from its editor, the API or the CLI) and it shows up here.'
          }
        />
      )}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <TopTemplatesCard params={{ by: 'cost', from: range.from, to: range.to, ...scope }} />
        <TopTemplatesCard params={{ by: 'failures', from: range.from, to: range.to, ...scope }} />
      </div>
    </div>
  );
}
