/** Two runs to compare, in the order the comparison reads them: the older as base, the newer as candidate. */
export function comparePair(runs: readonly { id: string; created_at: string }[]): { base: string; candidate: string } | null {
  if (runs.length !== 2) return null;
  const [a, b] = [...runs].sort((x, y) => x.created_at.localeCompare(y.created_at) || x.id.localeCompare(y.id));
  return a && b ? { base: a.id, candidate: b.id } : null;
}

/** The selection after ticking or unticking a run; at most `max` stay selected, the newest tick kept. */
export function toggleSelection<T extends { id: string }>(selected: readonly T[], run: T, on: boolean, max = 2): T[] {
  const rest = selected.filter((each) => each.id !== run.id);
  return on ? [...rest, run].slice(-max) : rest;
}
