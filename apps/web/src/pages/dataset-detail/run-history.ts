/** One finished run on the pass-rate chart. */
export interface HistoryPoint {
  id: string;
  /** Milliseconds since the epoch, for a time axis. */
  at: number;
  /** Percent, 0 to 100. */
  passRate: number;
  template: string;
}

/** Runs of the chart: every run that finished with a pass rate, oldest first (the API lists newest first). */
export function historyPoints(
  runs: readonly { id: string; status: string; created_at: string; template_ref: string; summary: { pass_rate: number | null } }[],
): HistoryPoint[] {
  return runs
    .filter((run) => run.status === 'completed' && run.summary.pass_rate !== null)
    .map((run) => ({
      id: run.id,
      at: Date.parse(run.created_at),
      passRate: Math.round((run.summary.pass_rate as number) * 1000) / 10,
      template: run.template_ref,
    }))
    .sort((a, b) => a.at - b.at);
}

/** Runs the chart asks for: enough history to see a trend, few enough that the list stays fast. */
export const HISTORY_RUNS = 100;
export const RUNS_TAB_PAGE_SIZE = 20;

const DAY_MS = 24 * 3600 * 1000;
const timeOfDay = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const dayOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** How the time axis labels its ticks: hours within a day, days over weeks, both in between. */
export function timeTickFormatter(points: readonly HistoryPoint[]): (at: number) => string {
  const span = points.length < 2 ? 0 : (points.at(-1) as HistoryPoint).at - (points[0] as HistoryPoint).at;
  const format = span <= DAY_MS ? timeOfDay : span <= 7 * DAY_MS ? dayAndTime : dayOnly;
  return (at) => format.format(at);
}
