import { formatPercent } from '../../lib/format';

const NAME_MAX_LENGTH = 190;
const COPY_SUFFIX = ' (copy)';

/** "auto_issue" -> "Auto issue". */
export function categoryLabel(category: string): string {
  const words = category.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
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
