/**
 * CPU time (user + system, from /proc; Linux) used by processes, in ms. Unlike rates and
 * latencies it hardly depends on what else the machine runs, so it shows where the work of a
 * benchmark goes (the API, PostgreSQL, Redis, the clients) and compares trees measured at
 * different times.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks of /proc/<pid>/stat are 10 ms on Linux (USER_HZ = 100). */
const MS_PER_TICK = 10;

function statOf(pid: number | string): { command: string; cpuMs: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command sits in parentheses and may hold spaces; fields 14 and 15 (utime, stime) follow it.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return { command: stat.slice(stat.indexOf('(') + 1, close), cpuMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** CPU time one process has used. */
export function processCpuMs(pid: number): number {
  return statOf(pid)?.cpuMs ?? Number.NaN;
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
    const stat = statOf(entry);
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
