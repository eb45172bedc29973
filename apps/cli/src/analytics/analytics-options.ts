import { InvalidArgumentError } from 'commander';
import { UsageError } from '../usage-error';

export interface RangeOptions {
  since?: number;
  from?: string;
  to?: string;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Commander parser for `--since`: a whole number of minutes, hours, days or weeks (`90m`, `24h`, `7d`, `2w`), as milliseconds. */
export function duration(value: string): number {
  const match = /^(\d{1,5})([mhdw])$/.exec(value.trim());
  if (!match || Number(match[1]) === 0) throw new InvalidArgumentError('expected a duration such as 24h, 7d or 2w');
  return Number(match[1]) * (UNIT_MS[match[2] as string] as number);
}

/** Commander parser for `--from` / `--to`: a date or date-time, sent as ISO 8601 (UTC). */
export function instant(value: string): string {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new InvalidArgumentError('expected a date such as 2026-12-01 or 2026-12-01T10:00:00Z');
  return parsed.toISOString();
}

/** Commander parser for `--version`: a version number, 1 or more. */
export function versionNumber(value: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value.trim())) throw new InvalidArgumentError('expected a version number (1, 2, ...)');
  return Number(value);
}

/** from / to as query parameters; `--since` counts back from now (or from `--to`). */
export function rangeParams(options: RangeOptions, now = new Date()): Record<string, string> {
  if (options.since !== undefined && options.from !== undefined) throw new UsageError('use --since or --from, not both');
  const to = options.to;
  const from = options.since !== undefined ? new Date((to ? new Date(to) : now).getTime() - options.since).toISOString() : options.from;
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** `Name@2` stands for `--template Name --version 2`. */
export function templateParams(template: string | undefined, version: number | undefined): Record<string, string> {
  if (template === undefined) {
    if (version !== undefined) throw new UsageError('--version needs --template');
    return {};
  }
  const pinned = /^(.+)@([1-9]\d{0,8})$/.exec(template);
  if (pinned && version !== undefined && Number(pinned[2]) !== version) throw new UsageError(`--template ${template} and --version ${version} disagree`);
  const name = pinned ? (pinned[1] as string) : template;
  const chosen = pinned ? Number(pinned[2]) : version;
  return { template: name, ...(chosen !== undefined ? { version: String(chosen) } : {}) };
}
