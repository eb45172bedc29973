import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { analyticsSeriesQuery, type AnalyticsSeries } from '../../components/analytics/analytics-queries';
import { RANGE_LABELS, resolveRange } from '../../components/analytics/analytics-range';
import { AnalyticsView } from '../../components/analytics/analytics-view';
import { Card, CardHeader } from '../../components/ui/card';
import { ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Select } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { formatCost, formatDuration, formatNumber, formatPercent } from '../../lib/format';
import type { TemplateVersion } from './template-versions';

const TAB_RANGES = ['24h', '7d', '30d'] as const;
type TabRange = (typeof TAB_RANGES)[number];

type VersionRow = NonNullable<AnalyticsSeries['versions']>[number];

const COMPARED: [string, (v: VersionRow) => string][] = [
  ['Executions', (v) => formatNumber(v.executions)],
  ['Success rate', (v) => formatPercent(v.success_rate, 1)],
  ['Failed', (v) => formatNumber(v.failed)],
  ['Tokens', (v) => formatNumber(v.prompt_tokens + v.completion_tokens)],
  ['Cost', (v) => formatCost(v.cost_usd)],
  ['Cost per success', (v) => formatCost(v.cost_per_success_usd)],
  ['p50', (v) => formatDuration(v.latency_ms.p50)],
  ['p95', (v) => formatDuration(v.latency_ms.p95)],
  ['p99', (v) => formatDuration(v.latency_ms.p99)],
];

/** Every version side by side over the range: which one succeeds more, costs less, answers faster. */
function VersionComparison({ versions }: { versions: VersionRow[] }) {
  return (
    <Card>
      <CardHeader title="Versions compared" description="Each version's executions that ended in the range" />
      <div className="overflow-x-auto">
        <table className="w-full text-sm" aria-label="Versions compared">
          <thead className="bg-zinc-50 text-left text-xs text-zinc-500">
            <tr>
              <th className="px-4 py-2 font-medium">Version</th>
              {COMPARED.map(([heading]) => (
                <th key={heading} className="px-4 py-2 text-right font-medium">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {versions.map((v) => (
              <tr key={v.version}>
                <td className="px-4 py-2 font-medium">v{v.version}</td>
                {COMPARED.map(([heading, cell]) => (
                  <td key={heading} className="px-4 py-2 text-right tabular-nums">
                    {cell(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** The template's analytics: every version or one, over the last day, week or month. */
export function AnalyticsTab({ name, versions }: { name: string; versions: TemplateVersion[] }) {
  const [preset, setPreset] = useState<TabRange>('7d');
  const [version, setVersion] = useState<number | undefined>(undefined);
  const range = resolveRange(preset, Date.now(), {});
  const series = useQuery(analyticsSeriesQuery({ template: name, ...(version ? { version } : {}), ...range }));
  const numbers = [...new Set(versions.map((v) => v.version_number))].sort((a, b) => b - a);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Version" htmlFor="analytics-version">
          <Select id="analytics-version" value={version ?? ''} onChange={(event) => setVersion(event.target.value ? Number(event.target.value) : undefined)}>
            <option value="">All versions</option>
            {numbers.map((n) => (
              <option key={n} value={n}>
                v{n}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Range" htmlFor="analytics-tab-range">
          <Select id="analytics-tab-range" value={preset} onChange={(event) => setPreset(event.target.value as TabRange)}>
            {TAB_RANGES.map((value) => (
              <option key={value} value={value}>
                {RANGE_LABELS[value]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {series.isPending ? (
        <Spinner label="Loading analytics…" />
      ) : series.isError ? (
        <ErrorAlert error={series.error} title="Could not load the analytics" />
      ) : (
        <>
          <AnalyticsView data={series.data} empty={`Run “${name}”${version ? ` v${version}` : ''} and it shows up here.`} />
          {series.data.versions && series.data.versions.length > 0 ? <VersionComparison versions={series.data.versions} /> : null}
        </>
      )}
    </div>
  );
}
