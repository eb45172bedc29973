import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDateTime } from '../../lib/format';
import { type HistoryPoint, timeTickFormatter } from './run-history';

function PointTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: HistoryPoint }[] }) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs shadow">
      <p className="font-medium text-zinc-900">{point.passRate}% passed</p>
      <p className="text-zinc-600">{point.template}</p>
      <p className="text-zinc-500">{formatDateTime(new Date(point.at).toISOString())}</p>
    </div>
  );
}

/** Pass rate of each finished run over time. Recharts lives in this lazily loaded module only. */
export default function RunHistoryChart({ points, onSelect }: { points: HistoryPoint[]; onSelect: (runId: string) => void }) {
  return (
    <div
      className="h-56 w-full"
      role="img"
      aria-label={`Pass rate of the last ${points.length} finished runs, from ${points[0]?.passRate}% to ${points.at(-1)?.passRate}%`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 24, bottom: 0, left: 4 }}>
          <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={timeTickFormatter(points)}
            tick={{ fontSize: 11, fill: '#71717a' }}
          />
          <YAxis domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} tick={{ fontSize: 11, fill: '#71717a' }} width={44} />
          <Tooltip content={<PointTooltip />} />
          <Line
            type="linear"
            dataKey="passRate"
            stroke="#4f46e5"
            strokeWidth={2}
            dot={{ r: 3 }}
            activeDot={{
              r: 5,
              cursor: 'pointer',
              onClick: (_event: unknown, data: unknown) => {
                const point = (data as { payload?: HistoryPoint }).payload;
                if (point) onSelect(point.id);
              },
            }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
