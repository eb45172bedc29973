import { lazy, type ReactNode, Suspense } from 'react';
import { EmptyState, Spinner } from '../ui/feedback';
import type { AnalyticsSeries } from './analytics-queries';
import { chartRows } from './chart-rows';
import { KpiCards } from './kpi-cards';

// Recharts is large; it loads with the first chart shown, never with the console's first page.
const AnalyticsCharts = lazy(() => import('./analytics-charts'));

/** KPI cards and charts of one series, or an empty state saying what will appear here. */
export function AnalyticsView({ data, empty }: { data: AnalyticsSeries; empty: ReactNode }) {
  if (data.totals.executions === 0) {
    return (
      <EmptyState title="No executions ended in this range">
        {empty} Counts by status, success rate, tokens, cost and latency will appear here, per {data.bucket}, as executions finish.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <KpiCards totals={data.totals} />
      <Suspense fallback={<Spinner label="Loading the charts…" />}>
        <AnalyticsCharts rows={chartRows(data.series)} bucket={data.bucket} />
      </Suspense>
    </div>
  );
}
