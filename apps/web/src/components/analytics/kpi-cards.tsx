import { formatCost, formatDuration, formatNumber, formatPercent } from '../../lib/format';
import type { AnalyticsMetrics } from './analytics-queries';

function Kpi({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-sm">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums text-zinc-900">{value}</dd>
      {detail ? <dd className="mt-0.5 text-xs text-zinc-500">{detail}</dd> : null}
    </div>
  );
}

/** The range's totals at a glance. */
export function KpiCards({ totals }: { totals: AnalyticsMetrics }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" aria-label="Totals for the range">
      <Kpi
        label="Executions"
        value={formatNumber(totals.executions)}
        detail={`${formatNumber(totals.failed)} failed, ${formatNumber(totals.cancelled)} cancelled`}
      />
      <Kpi label="Success rate" value={formatPercent(totals.success_rate, 1)} detail={`${formatNumber(totals.succeeded)} succeeded`} />
      <Kpi label="Cost" value={formatCost(totals.cost_usd)} />
      <Kpi label="Cost per success" value={formatCost(totals.cost_per_success_usd)} detail="failed attempts included" />
      <Kpi
        label="Tokens"
        value={formatNumber(totals.prompt_tokens + totals.completion_tokens)}
        detail={`${formatNumber(totals.prompt_tokens)} prompt, ${formatNumber(totals.completion_tokens)} completion`}
      />
      <Kpi
        label="Latency p95"
        value={formatDuration(totals.latency_ms.p95)}
        detail={`p50 ${formatDuration(totals.latency_ms.p50)}, p99 ${formatDuration(totals.latency_ms.p99)}`}
      />
    </dl>
  );
}
