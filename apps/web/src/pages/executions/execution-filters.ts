import type { QueryOf } from '../../api/client';
import type { ExecutionsSearch } from './executions-search';

export type ExecutionsQuery = QueryOf<'/v1/executions', 'get'>;

export const PAGE_SIZE = 50;

export const TIME_PRESETS = [
  { id: '1h', label: 'Last hour', ms: 3600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 24 * 3600_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * 3600_000 },
] as const;

export type TimePreset = (typeof TIME_PRESETS)[number]['id'];
/** What the time-range select shows: a preset, everything, or hand-picked bounds. */
export type TimeRangeChoice = TimePreset | 'all' | 'custom';

/** The URL bounds a choice stands for; presets count back from `now` and leave the end open. */
export function rangeForChoice(
  choice: TimeRangeChoice,
  now: number,
  current: Pick<ExecutionsSearch, 'from' | 'to'> = {},
): Pick<ExecutionsSearch, 'from' | 'to'> {
  if (choice === 'all') return { from: undefined, to: undefined };
  if (choice === 'custom') return { from: current.from, to: current.to };
  const preset = TIME_PRESETS.find((candidate) => candidate.id === choice);
  return { from: new Date(now - (preset?.ms ?? 0)).toISOString(), to: undefined };
}

/**
 * The choice to show for bounds read from the URL. A preset writes absolute times, so after a
 * reload the page cannot tell "last hour" from a hand-picked start: anything bounded is "custom".
 */
export function choiceForRange(range: Pick<ExecutionsSearch, 'from' | 'to'>): TimeRangeChoice {
  return range.from || range.to ? 'custom' : 'all';
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The choice last made in the select, with the bounds it wrote to the URL. */
export interface PickedRange {
  choice: TimeRangeChoice;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * What the select shows: the preset picked on this page while the URL still holds exactly what it
 * wrote (the back button or a cleared filter may have changed it since), else what the URL says.
 */
export function displayedChoice(picked: PickedRange | null, range: Pick<ExecutionsSearch, 'from' | 'to'>): TimeRangeChoice {
  if (picked?.choice === 'custom') return 'custom';
  if (picked && picked.choice !== 'all' && picked.from === range.from && picked.to === range.to) return picked.choice;
  return choiceForRange(range);
}

/** An ISO time as the value of an `<input type="datetime-local">` (local time, minutes). */
export function toLocalInputValue(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (local time) as an ISO time, or undefined when empty or incomplete. */
export function fromLocalInputValue(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The API insists on full ISO date-times; the URL may hold any date Date.parse reads. */
function isoOrUndefined(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The list request for the URL's filters: names mapped to the API's, pages to limit/offset. */
export function toExecutionsQuery(search: ExecutionsSearch, pageSize: number = PAGE_SIZE): ExecutionsQuery {
  const query: ExecutionsQuery = { limit: pageSize, offset: ((search.page ?? 1) - 1) * pageSize };
  const template = search.template?.trim();
  if (template) query.template = template;
  if (search.status) query.status = search.status;
  if (search.failure_kind) query.failure_kind = search.failure_kind;
  if (search.kind) query.kind = search.kind;
  if (search.run) query.run_id = search.run;
  const from = isoOrUndefined(search.from);
  const to = isoOrUndefined(search.to);
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

/** Whether any filter narrows the list (the empty state then offers to clear them). */
export function hasFilters(search: ExecutionsSearch): boolean {
  return Boolean(search.template || search.status || search.failure_kind || search.kind || search.from || search.to || search.run);
}

/** How the template filter reads what was typed: a name, or a name pinned to one version. */
export function describeTemplateFilter(text: string): string {
  const value = text.trim();
  if (value === '') return 'A name (every version) or Name@2 (one version)';
  const pinned = /^(.+)@(\d+)$/.exec(value);
  if (pinned) return `Version ${pinned[2]} of "${pinned[1]}" only`;
  return `Every version of "${value}"`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What is wrong with the filters as the URL holds them, per field, before the API says so. */
export function filterProblems(search: Pick<ExecutionsSearch, 'run' | 'from' | 'to'>): { run?: string; range?: string } {
  const problems: { run?: string; range?: string } = {};
  if (search.run && !UUID.test(search.run)) problems.run = 'A run id is a UUID, e.g. 0b5f1c7e-…';
  if (search.from && search.to && Date.parse(search.from) >= Date.parse(search.to)) problems.range = '"From" must be before "To"';
  return problems;
}
