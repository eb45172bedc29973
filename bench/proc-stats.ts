/**
 * Readings of other processes from Linux's /proc, for the benchmarks that watch them from outside.
 * CPU time, unlike rates and latencies, hardly depends on what else the machine runs, so it shows
 * where a benchmark's work goes (the API, the worker, PostgreSQL, Redis, the clients) and compares
 * trees measured at different times.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Resident set size in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
}

/** CPU seconds (user + system) used so far by a process, all its threads, or by one thread of it. */
export function cpuSeconds(pid: number, thread?: number): number {
  const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8');
  // Fields after the command name, which may itself hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU time (user + system) in ms used so far by a process, all its threads. */
export function processCpuMs(pid: number): number {
  return cpuSeconds(pid) * 1000;
}

function commandAndCpuMs(pid: string): { command: string; cpuMs: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    return { command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
  } catch {
    return undefined; // gone meanwhile
  }
}

/**
 * CPU time of every process whose command is `command` and, when given, whose command line (for
 * PostgreSQL backends, the process title naming their database) holds `titleIncludes`. Processes
 * that exit between two readings take their time with them, so read it around work whose
 * connections stay open (pools).
 */
export function commandCpuMs(command: string, titleIncludes?: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = commandAndCpuMs(entry);
    if (stat?.command !== command) continue;
    if (titleIncludes !== undefined && !titleOf(entry).includes(titleIncludes)) continue;
    total += stat.cpuMs;
  }
  return total;
}

function titleOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

export interface CpuSources {
  [name: string]: () => number;
}

/** CPU time per unit of work, by source: call once before the work and once after. */
export function cpuMeter(sources: CpuSources): { stop(units: number): Record<string, number> } {
  const start = Object.fromEntries(Object.entries(sources).map(([name, read]) => [name, read()]));
  return {
    stop(units) {
      return Object.fromEntries(Object.entries(sources).map(([name, read]) => [name, (read() - (start[name] ?? 0)) / units]));
    },
  };
}

/** The machine's idle and total CPU time so far, in ticks, from /proc/stat. */
export function machineTicks(): { idle: number; total: number } {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return { idle: ticks[3]! + ticks[4]!, total: ticks.reduce((sum, n) => sum + n, 0) };
}
