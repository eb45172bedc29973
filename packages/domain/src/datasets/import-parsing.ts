import { InvalidRequestError, PayloadTooLargeError } from '@promptops/errors';
import { DATASET_LIMITS } from './dataset-limits';
import type { ImportFormat, ImportPosition, NewEntryInput } from './dataset-types';
import { entryIssues, type FieldIssue } from './entry-rules';

export type ImportIssue = ImportPosition & FieldIssue;

export interface ImportItem {
  at: ImportPosition;
  entry: NewEntryInput;
}

/** One item as read from the body: its parsed value, or why its line is not JSON. */
type RawItem = { at: ImportPosition; value: unknown } | { at: ImportPosition; parseError: string };

/** JSON.parse reports a character offset; people fix files by line. */
function describeJsonError(error: unknown, text: string): string {
  const message = (error as Error).message;
  const offset = /position (\d+)/.exec(message)?.[1];
  if (offset === undefined) return message;
  const line = text.slice(0, Number(offset)).split('\n').length;
  return `${message} (line ${line})`;
}

function assertWithinLimit(count: number, maxEntries: number): void {
  if (count > maxEntries) {
    throw new PayloadTooLargeError(`Import holds ${count} entries; at most ${maxEntries} are accepted per request`, {
      limit_entries: maxEntries,
      received_entries: count,
    });
  }
}

function readJsonArray(text: string, maxEntries: number): RawItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InvalidRequestError(`Import body is not valid JSON: ${describeJsonError(error, text)}`, null);
  }
  const isWrapper = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.keys(parsed).join() === 'entries';
  const list = isWrapper ? (parsed as { entries: unknown }).entries : parsed;
  if (!Array.isArray(list)) {
    throw new InvalidRequestError('Import body must be a JSON array of entries or an object {"entries": [...]}', null);
  }
  assertWithinLimit(list.length, maxEntries);
  return list.map((value, index) => ({ at: { index }, value }));
}

function readJsonLines(text: string, maxEntries: number): RawItem[] {
  const lines = text.split('\n');
  const filled = lines.flatMap((content, i) => (content.trim() === '' ? [] : [{ content, line: i + 1 }]));
  assertWithinLimit(filled.length, maxEntries);
  return filled.map(({ content, line }): RawItem => {
    try {
      return { at: { line }, value: JSON.parse(content) };
    } catch (error) {
      return { at: { line }, parseError: `is not valid JSON: ${(error as Error).message}` };
    }
  });
}

function issuesOf(item: RawItem): FieldIssue[] {
  return 'parseError' in item ? [{ path: '(root)', message: item.parseError }] : entryIssues(item.value);
}

/** `line 7` or `item 3`, for messages that point at one item of an import. */
export function describePosition(at: ImportPosition): string {
  return 'line' in at ? `line ${at.line}` : `item ${at.index}`;
}

/**
 * Reads an import body into entries, or throws one InvalidRequestError listing every bad item (up to
 * a cap) so a user can fix the whole file in one pass instead of one error per attempt.
 */
export function parseEntryImport(text: string, format: ImportFormat, maxEntries: number = DATASET_LIMITS.maxImportEntries): ImportItem[] {
  const body = text.replace(/^\uFEFF/, '');
  const issues: ImportIssue[] = [];
  const raw = format === 'json' ? readJsonArray(body, maxEntries) : readJsonLines(body, maxEntries);
  const items: ImportItem[] = [];
  for (const item of raw) {
    const found = issuesOf(item);
    if (found.length > 0) issues.push(...found.map((issue) => ({ ...item.at, ...issue })));
    else if ('value' in item) items.push({ at: item.at, entry: item.value as NewEntryInput });
  }
  if (issues.length > 0) {
    const reported = issues.slice(0, DATASET_LIMITS.maxReportedIssues);
    const first = issues[0] as ImportIssue;
    throw new InvalidRequestError(
      `Import rejected, nothing was written: ${issues.length} problem(s), first at ${describePosition(first)}: ${first.path} ${first.message}`,
      { issues: reported, issue_count: issues.length, truncated: issues.length > reported.length },
    );
  }
  if (items.length === 0) throw new InvalidRequestError('Import holds no entries', null);
  return items;
}
