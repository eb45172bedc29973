import { InvalidArgumentError } from 'commander';
import { UsageError } from '../usage-error';

/** Used when neither `--scorer` nor `--scorers-file` is given: the whole output must equal the expected output. */
export const DEFAULT_SCORERS: Record<string, unknown>[] = [{ type: 'exact_match' }];

/** Scorer types that cannot run without options, with the option a shorthand would lack. */
const REQUIRED_OPTION: Record<string, string> = {
  regex: 'pattern',
  json_schema: 'schema',
  json_field_match: 'fields',
  numeric: 'tolerance',
  similarity: 'metric',
  llm_judge: 'rubric',
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function scorerList(value: unknown, origin: string): Record<string, unknown>[] {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.scorers) ? value.scorers : [value];
  return list.map((item, i) => {
    if (!isObject(item) || typeof item.type !== 'string') {
      throw new UsageError(`${origin}${list.length > 1 ? ` (item ${i + 1})` : ''}: a scorer is a JSON object with a "type", e.g. {"type":"exact_match"}`);
    }
    return item;
  });
}

/**
 * One `--scorer` value: a JSON object (or array of them), or the bare name of a type that needs no
 * options (`exact_match`, `contains`, `not_contains`, `json_equal`).
 */
export function parseScorerArg(raw: string): Record<string, unknown>[] {
  const text = raw.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--scorer ${raw}: not valid JSON (${(error as Error).message})`);
    }
    return scorerList(value, `--scorer ${raw}`);
  }
  if (!/^[a-z][a-z_]*$/.test(text))
    throw new UsageError(`--scorer ${raw}: expected a scorer type such as exact_match, or a JSON object such as '{"type":"contains","value":"yes"}'`);
  const needs = REQUIRED_OPTION[text];
  if (needs)
    throw new UsageError(`--scorer ${text}: this scorer type needs the "${needs}" option; pass it as JSON, e.g. --scorer '{"type":"${text}","${needs}":...}'`);
  return [{ type: text }];
}

/** The scorers file holds a JSON array of scorers, or `{"scorers": [...]}`. */
export function parseScorersFile(text: string, path: string): Record<string, unknown>[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--scorers-file ${path}: not valid JSON (${(error as Error).message})`);
  }
  const scorers = scorerList(value, `--scorers-file ${path}`);
  if (scorers.length === 0) throw new UsageError(`--scorers-file ${path}: holds no scorer`);
  return scorers;
}

/** Scorers from the file first, then each `--scorer` in order; the default when there are none. */
export function resolveScorers(args: string[], file?: { text: string; path: string }): Record<string, unknown>[] {
  const scorers = [...(file ? parseScorersFile(file.text, file.path) : []), ...args.flatMap(parseScorerArg)];
  return scorers.length > 0 ? scorers : DEFAULT_SCORERS.map((scorer) => ({ ...scorer }));
}

/** Commander option parser: a whole number ≥ 1. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return n;
}

/** Commander option parser: a pass rate as a fraction (`0.9`) or a percentage (`90%`). */
export function passRate(value: string): number {
  const text = value.trim();
  const percent = text.endsWith('%');
  const n = Number(percent ? text.slice(0, -1) : text);
  if (text === '' || text === '%' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a fraction such as 0.9 or a percentage such as 90%');
  const rate = percent ? n / 100 : n;
  if (rate < 0 || rate > 1)
    throw new InvalidArgumentError(percent ? 'expected a percentage from 0% to 100%' : 'expected a fraction from 0 to 1 (or a percentage such as 90%)');
  return rate;
}

/** Commander collector for repeatable options. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);
