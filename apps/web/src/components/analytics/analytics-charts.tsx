import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCost, formatDuration } from '../../lib/format';
import { Card, CardBody, CardHeader } from '../ui/card';
import type { Bucket } from './analytics-range';
import { bucketLabel, type ChartRow } from './chart-rows';

const AXIS_TICK = { fontSize: 11, fill: '#71717a' };
/** Counts and tokens on a y axis: 34K, 150M, so they fit its width whatever the volume. */
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const compactTick = (value: number) => compact.format(value);
/** Dots on every point: executions come in bursts, and a lone busy hour between empty ones has no line to draw. */
const DOT = { r: 2 };
const COLORS = {
  succeeded: '#16a34a',
  failed: '#dc2626',
  cancelled: '#a1a1aa',
  brand: '#4f46e5',
  prompt: '#6366f1',
  completion: '#14b8a6',
  p50: '#0ea5e9',
  p95: '#f59e0b',
  p99: '#dc2626',
};

function ChartCard({ title, description, children }: { title: string; description: string; children: ReactElement }) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      <CardBody className="h-56 pt-3">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </CardBody>
    </Card>
  );
}

/**
 * The analytics charts over one series: executions by status, success rate, tokens, cost and
 * latency percentiles. Recharts lives in this lazily loaded module only.
 */
export default function AnalyticsCharts({ rows, bucket }: { rows: ChartRow[]; bucket: Bucket }) {
  // One band per bucket (the series has every bucket of the range, empty ones too): a bar fills its
  // bucket, and the first and last buckets are drawn whole rather than cut in half at the edges.
  const xAxis = <XAxis dataKey="at" tickFormatter={(at: number) => bucketLabel(at, bucket)} tick={AXIS_TICK} minTickGap={24} />;
  const grid = <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />;
  const label = (at: unknown) => `${bucketLabel(Number(at), bucket)} UTC`;
  const per = bucket === 'hour' ? 'per hour' : 'per day';
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <ChartCard title="Executions by status" description={`Executions that ended, ${per}`}>
        <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          {grid}
          {xAxis}
          <YAxis allowDecimals={false} tickFormatter={compactTick} tick={AXIS_TICK} width={44} />
          <Tooltip labelFormatter={label} />
          <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="succeeded" name="Succeeded" stackId="status" fill={COLORS.succeeded} isAnimationActive={false} />
          <Bar dataKey="failed" name="Failed" stackId="status" fill={COLORS.failed} isAnimationActive={false} />
          <Bar dataKey="cancelled" name="Cancelled" stackId="status" fill={COLORS.cancelled} isAnimationActive={false} />
        </BarChart>
      </ChartCard>
      <ChartCard title="Success rate" description="Succeeded out of succeeded and failed (cancelled ones left out)">
        <LineChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          {grid}
          {xAxis}
          <YAxis domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} tick={AXIS_TICK} width={44} />
          <Tooltip labelFormatter={label} formatter={(value) => `${value}%`} />
          <Line dataKey="successRate" name="Success rate" stroke={COLORS.brand} strokeWidth={2} dot={DOT} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ChartCard>
      <ChartCard title="Tokens" description={`Prompt and completion tokens, ${per}`}>
        <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          {grid}
          {xAxis}
          <YAxis tickFormatter={compactTick} tick={AXIS_TICK} width={44} />
          <Tooltip labelFormatter={label} />
          <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="promptTokens" name="Prompt" stackId="tokens" fill={COLORS.prompt} isAnimationActive={false} />
          <Bar dataKey="completionTokens" name="Completion" stackId="tokens" fill={COLORS.completion} isAnimationActive={false} />
        </BarChart>
      </ChartCard>
      <ChartCard title="Cost" description={`Provider cost in USD, ${per}`}>
        <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          {grid}
          {xAxis}
          <YAxis tickFormatter={(value: number) => formatCost(value)} tick={AXIS_TICK} width={64} />
          <Tooltip labelFormatter={label} formatter={(value) => formatCost(Number(value))} />
          <Bar dataKey="cost" name="Cost" fill={COLORS.brand} isAnimationActive={false} />
        </BarChart>
      </ChartCard>
      <div className="xl:col-span-2">
        <ChartCard title="Latency" description="p50, p95 and p99 of execution time, from histograms (within about 30 % of the exact value)">
          <LineChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            {grid}
            {xAxis}
            <YAxis tickFormatter={(value: number) => formatDuration(value)} tick={AXIS_TICK} width={64} />
            <Tooltip labelFormatter={label} formatter={(value) => formatDuration(Number(value))} />
            <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
            <Line dataKey="p50" name="p50" stroke={COLORS.p50} strokeWidth={2} dot={DOT} isAnimationActive={false} />
            <Line dataKey="p95" name="p95" stroke={COLORS.p95} strokeWidth={2} dot={DOT} isAnimationActive={false} />
            <Line dataKey="p99" name="p99" stroke={COLORS.p99} strokeWidth={2} dot={DOT} isAnimationActive={false} />
          </LineChart>
        </ChartCard>
      </div>
    </div>
  );
}
