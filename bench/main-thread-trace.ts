/**
 * Reads a Chromium performance trace for how long the page's main thread worked before a moment:
 * wall time spent in tasks and the CPU time they actually got. On an idle machine the two are
 * close; when other processes compete for the cores, the wall time grows and the CPU time does not.
 */

/** Categories that record every main-thread task with its thread (CPU) duration. */
export const MAIN_THREAD_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'toplevel'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** µs, trace clock. */
  ts: number;
  dur?: number;
  /** µs of CPU the thread got during the event. */
  tdur?: number;
  args?: { data?: { isLoadingMainFrame?: boolean; documentLoaderURL?: string } };
}

export interface MainThreadWork {
  /** ms of wall time inside tasks. */
  busyMs: number;
  /** ms of CPU those tasks got. */
  cpuMs: number;
}

/** Main-thread work from the document's navigation start until `untilMs` (performance.now() of the page). */
export function mainThreadWork(trace: Buffer, untilMs: number): MainThreadWork {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const navigation = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL?.startsWith('http'));
  if (!navigation) throw new Error('the trace has no navigationStart of the page');
  const end = navigation.ts + untilMs * 1000;
  const tasks = events
    .filter((e) => e.pid === navigation.pid && e.tid === navigation.tid && e.ph === 'X' && (e.dur ?? 0) > 0)
    .map((e) => ({ start: e.ts, dur: e.dur ?? 0, cpu: e.tdur ?? 0 }))
    .sort((a, b) => a.start - b.start);
  let busy = 0;
  let cpu = 0;
  let coveredUntil = Number.NEGATIVE_INFINITY;
  // Tasks nest (a task, the script it runs, ...): only outermost ones count, each once.
  for (const task of tasks) {
    if (task.start < coveredUntil) continue;
    coveredUntil = task.start + task.dur;
    const overlap = Math.min(end, coveredUntil) - Math.max(navigation.ts, task.start);
    if (overlap <= 0) continue;
    busy += overlap;
    cpu += task.cpu * (overlap / task.dur);
  }
  return { busyMs: busy / 1000, cpuMs: cpu / 1000 };
}
