import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { analyticsTopQuery, type TopParams } from '../../components/analytics/analytics-queries';
import { Card, CardBody, CardHeader } from '../../components/ui/card';
import { ErrorAlert, Spinner } from '../../components/ui/feedback';
import { formatCost, formatNumber, formatPercent } from '../../lib/format';

const TITLES = { cost: 'Top templates by cost', failures: 'Top templates by failures' } as const;
const EMPTY = { cost: 'No template ran in this range.', failures: 'No template execution failed in this range.' } as const;

/** The ten template names that cost the most, or failed the most, over the dashboard's range; each links to its analytics. */
export function TopTemplatesCard({ params }: { params: TopParams }) {
  const top = useQuery(analyticsTopQuery(params));
  let body: ReactNode;
  if (top.isPending) body = <Spinner label="Loading…" />;
  else if (top.isError) body = <ErrorAlert error={top.error} title="Could not load the ranking" />;
  else if (top.data.items.length === 0) body = <p className="text-sm text-zinc-500">{EMPTY[params.by]}</p>;
  else
    body = (
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-zinc-500">
            <th className="w-1/2 pb-2 font-medium">Template</th>
            <th className="pb-2 text-right font-medium">Executions</th>
            <th className="pb-2 text-right font-medium">{params.by === 'cost' ? 'Cost' : 'Failed'}</th>
            <th className="pb-2 text-right font-medium">Success</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {top.data.items.map((item) => (
            <tr key={item.template_name}>
              <td className="max-w-0 truncate py-1.5 pr-2" title={item.template_name}>
                <Link
                  to="/templates/$name"
                  params={{ name: item.template_name }}
                  search={{ tab: 'analytics' }}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {item.template_name}
                </Link>
              </td>
              <td className="py-1.5 text-right tabular-nums">{formatNumber(item.executions)}</td>
              <td className="py-1.5 text-right tabular-nums">{params.by === 'cost' ? formatCost(item.cost_usd) : formatNumber(item.failed)}</td>
              <td className="py-1.5 text-right tabular-nums">{formatPercent(item.success_rate, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <Card>
      <CardHeader title={TITLES[params.by]} />
      <CardBody>{body}</CardBody>
    </Card>
  );
}
