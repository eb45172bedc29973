import type { AnalyticsMetrics, AnalyticsSeries, TopTemplates } from '@promptops/domain';
import { outputTable } from '../terminal';

const percent = (rate: number | null) => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);
const money = (usd: number | null) => (usd === null ? '-' : `$${usd < 1 ? usd.toFixed(6) : usd.toFixed(2)}`);
const ms = (value: number | null) => (value === null ? '-' : value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);
const when = (iso: string, bucket: 'hour' | 'day') => (bucket === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`);

const METRIC_HEAD = ['executions', 'ok', 'failed', 'cancelled', 'success', 'tokens in/out', 'cost', 'cost/success', 'p50', 'p95', 'p99'];

function metricCells(m: AnalyticsMetrics): (string | number)[] {
  return [
    m.executions,
    m.succeeded,
    m.failed,
    m.cancelled,
    percent(m.success_rate),
    `${m.prompt_tokens}/${m.completion_tokens}`,
    money(m.cost_usd),
    money(m.cost_per_success_usd),
    ms(m.latency_ms.p50),
    ms(m.latency_ms.p95),
    ms(m.latency_ms.p99),
  ];
}

function scopeLabel({ scope }: AnalyticsSeries): string {
  const parts = [
    scope.template === null ? 'all templates' : scope.version === null ? `${scope.template} (all versions)` : `${scope.template}@${scope.version}`,
    ...(scope.provider === null ? [] : [`provider ${scope.provider}`]),
    ...(scope.model === null ? [] : [`model ${scope.model}`]),
  ];
  return parts.join(', ');
}

/** The series (its non-empty buckets) unless `totalsOnly`, then the totals, then each version's for a template. */
export function formatSeries(result: AnalyticsSeries, totalsOnly: boolean): string {
  const lines = [`${scopeLabel(result)}: ${when(result.from, 'hour')} to ${when(result.to, 'hour')} UTC, by ${result.bucket}`];
  if (!totalsOnly) {
    const active = result.series.filter((point) => point.executions > 0);
    const table = outputTable([result.bucket, ...METRIC_HEAD]);
    for (const point of active) table.push([when(point.bucket_start, result.bucket), ...metricCells(point)]);
    if (active.length > 0) lines.push(table.toString());
    const empty = result.series.length - active.length;
    if (empty > 0) lines.push(`${empty} of ${result.series.length} ${result.bucket}s without executions not shown`);
  }
  const totals = outputTable(['', ...METRIC_HEAD]);
  totals.push(['total', ...metricCells(result.totals)]);
  for (const version of result.versions ?? []) totals.push([`version ${version.version}`, ...metricCells(version)]);
  lines.push(totals.toString());
  if (result.totals.executions === 0) lines.push('no executions ended in this range');
  return `${lines.join('\n')}\n`;
}

export function formatTop(result: TopTemplates): string {
  const table = outputTable(['#', 'template', 'executions', 'failed', 'success', 'cost']);
  result.items.forEach((item, i) => {
    table.push([i + 1, item.template_name, item.executions, item.failed, percent(item.success_rate), money(item.cost_usd)]);
  });
  const heading = `top templates by ${result.by}: ${when(result.from, 'hour')} to ${when(result.to, 'hour')} UTC`;
  if (result.items.length === 0) return `${heading}\n${result.by === 'failures' ? 'no failed executions' : 'no executions'} in this range\n`;
  return `${heading}\n${table.toString()}\n`;
}
