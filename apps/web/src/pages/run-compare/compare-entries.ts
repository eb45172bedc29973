import type { EntryChange } from './compare-search';

export const COMPARE_PAGE_SIZE = 25;

export interface ComparedEntry {
  dataset_entry_id: string;
  repetition: number;
  base: { passed: boolean; score: number };
  candidate: { passed: boolean; score: number };
  change: EntryChange;
}

/** The entries of one page of the comparison, after the change filter; the API sends them all at once. */
export function comparePage<T extends { change: EntryChange }>(
  entries: readonly T[],
  change: EntryChange | undefined,
  page: number,
): { items: T[]; total: number } {
  const filtered = change ? entries.filter((entry) => entry.change === change) : [...entries];
  const start = (page - 1) * COMPARE_PAGE_SIZE;
  return { items: filtered.slice(start, start + COMPARE_PAGE_SIZE), total: filtered.length };
}

/** The entry ids a page needs outputs for (each once, whatever its repetitions). */
export function entryIdsOf(entries: readonly { dataset_entry_id: string }[]): string[] {
  return [...new Set(entries.map((entry) => entry.dataset_entry_id))];
}

/** Results keyed by entry and repetition, to put both runs' outputs beside each other. */
export function byItem<T extends { dataset_entry_id: string; repetition: number }>(results: readonly T[] | undefined): Map<string, T> {
  return new Map((results ?? []).map((result) => [itemKey(result), result]));
}

export function itemKey(item: { dataset_entry_id: string; repetition: number }): string {
  return `${item.dataset_entry_id}/${item.repetition}`;
}
