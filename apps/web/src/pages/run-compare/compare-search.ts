import { compact, optionalOneOf, pageParam } from '../../lib/search-params';
import { optionalUuid } from '../runs/runs-search';

export const ENTRY_CHANGES = ['improved', 'regressed', 'unchanged'] as const;
export type EntryChange = (typeof ENTRY_CHANGES)[number];

/** The two runs compared (base: the reference; candidate: the one judged), the entry filter and page. */
export interface CompareSearch {
  base?: string;
  candidate?: string;
  change?: EntryChange;
  page?: number;
}

export function validateCompareSearch(raw: Record<string, unknown>): CompareSearch {
  return compact({
    base: optionalUuid(raw, 'base'),
    candidate: optionalUuid(raw, 'candidate'),
    change: optionalOneOf(raw, 'change', ENTRY_CHANGES),
    page: pageParam(raw),
  });
}
