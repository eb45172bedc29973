import { ApiError } from '../../api/api-error';

export type ImportFormat = 'json' | 'jsonl';

export const IMPORT_CONTENT_TYPES: Record<ImportFormat, string> = { json: 'application/json', jsonl: 'application/jsonl' };

/**
 * JSON (an array, or `{"entries": [...]}`) or JSON Lines, by the file's extension and else by its
 * content: a JSON array starts with `[`; an object spanning the whole file is the wrapper.
 */
export function detectImportFormat(fileName: string, text: string): ImportFormat {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'jsonl' || extension === 'ndjson') return 'jsonl';
  if (extension === 'json') return 'json';
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body.startsWith('[')) return 'json';
  try {
    const parsed = JSON.parse(body) as unknown;
    if (parsed && typeof parsed === 'object' && 'entries' in parsed) return 'json';
  } catch {
    // Not one JSON document: JSON Lines (and the API names any bad line).
  }
  return 'jsonl';
}

/** Non-blank lines of JSON Lines or items of a JSON array, to show before importing; null when unknown. */
export function countImportItems(format: ImportFormat, text: string): number | null {
  if (format === 'jsonl') return text.split('\n').filter((line) => line.trim() !== '').length;
  try {
    const parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    const list = Array.isArray(parsed) ? parsed : (parsed as { entries?: unknown })?.entries;
    return Array.isArray(list) ? list.length : null;
  } catch {
    return null;
  }
}

export interface ImportProblem {
  /** "Line 5" or "Item 3" (the array index, as the API counts). */
  where: string;
  field: string;
  message: string;
}

export interface ImportFailure {
  message: string;
  problems: ImportProblem[];
  /** Problems the API found but did not list (it lists the first 50). */
  unlisted: number;
}

type Position = { line?: number; index?: number };

const whereOf = (at: Position) => (at.line !== undefined ? `Line ${at.line}` : at.index !== undefined ? `Item ${at.index}` : '—');
const fieldOf = (path: unknown) => (typeof path === 'string' && path !== '' ? path : '(root)');

/**
 * The import API's refusal as rows to show: malformed items (400, `details.issues`) and entries
 * breaking the template's input schema (422, `details.entries[].violations`), by line or item.
 */
export function importFailure(error: unknown): ImportFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return { message, problems: [], unlisted: 0 };
  const details = error.details as {
    issues?: (Position & { path?: string; message?: string })[];
    issue_count?: number;
    entries?: (Position & { violations?: { path?: string; message?: string }[] })[];
    invalid_count?: number;
  };
  if (Array.isArray(details.issues)) {
    const problems = details.issues.map((issue) => ({ where: whereOf(issue), field: fieldOf(issue.path), message: issue.message ?? '' }));
    return { message, problems, unlisted: Math.max(0, (details.issue_count ?? problems.length) - problems.length) };
  }
  if (Array.isArray(details.entries)) {
    const problems = details.entries.flatMap((entry) =>
      (entry.violations ?? []).map((violation) => ({ where: whereOf(entry), field: `input_data${violation.path ?? ''}`, message: violation.message ?? '' })),
    );
    return { message, problems, unlisted: Math.max(0, (details.invalid_count ?? details.entries.length) - details.entries.length) };
  }
  return { message, problems: [], unlisted: 0 };
}
