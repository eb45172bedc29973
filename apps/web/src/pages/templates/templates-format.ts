import { formatPercent } from '../../lib/format';

const NAME_MAX_LENGTH = 190;
const COPY_SUFFIX = ' (copy)';

/** "auto_issue" -> "Auto issue". */
export function categoryLabel(category: string): string {
  const words = category.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The categories to offer: the suggested ones first, then the others in use (most used first), then
 * `current` if it is neither, so a filter or a form never loses the value it shows.
 */
export function categoryChoices(suggested: readonly string[], inUse: readonly { name: string }[] = [], current?: string): string[] {
  return [...new Set([...suggested, ...inUse.map((category) => category.name), ...(current ? [current] : [])])];
}

interface DeleteResult {
  name: string;
  versions: { version_number: number; deleted: 'soft' | 'hard' }[];
  resolves_to: { version_number: number } | null;
}

const versionCount = (count: number) => `${count} version${count === 1 ? '' : 's'}`;

/** What a delete did, in a sentence: how many versions went for good, how many stay hidden for their history, and what the name answers now. */
export function describeDeletion({ name, versions, resolves_to }: DeleteResult): string {
  const hard = versions.filter((version) => version.deleted === 'hard').length;
  const soft = versions.length - hard;
  const parts = [
    hard > 0 ? `${versionCount(hard)} removed` : null,
    soft > 0 ? `${versionCount(soft)} kept hidden for the history of their executions` : null,
  ].filter(Boolean);
  const now = resolves_to ? `${name} now resolves to v${resolves_to.version_number}` : `${name} no longer resolves to any version`;
  return `Deleted ${name}: ${parts.join(', ')}. ${now}.`;
}

/** The name a duplicate starts with: "<name> (copy)", shortened so it stays a valid template name. */
export function copyName(name: string): string {
  return `${name.slice(0, NAME_MAX_LENGTH - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`;
}

/** Success over the last 24 hours: green from 95%, amber from 80%, red below; neutral without data. */
export function successRateTone(rate: number | null | undefined): 'good' | 'fair' | 'poor' | 'none' {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return 'none';
  if (rate >= 0.95) return 'good';
  return rate >= 0.8 ? 'fair' : 'poor';
}

export const SUCCESS_RATE_TONE_CLASS: Record<ReturnType<typeof successRateTone>, string> = {
  good: 'text-emerald-700',
  fair: 'text-amber-700',
  poor: 'text-red-700',
  none: 'text-zinc-400',
};

/** "97.3%"; only 0 and 1 print as "0%" and "100%", so a single failure (or success) never rounds away. */
export function formatSuccessRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  if (rate === 0 || rate === 1) return formatPercent(rate);
  return formatPercent(Math.min(0.999, Math.max(0.001, rate)), 1);
}
