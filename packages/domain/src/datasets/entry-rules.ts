import { InvalidRequestError } from '@promptops/errors';
import { DATASET_LIMITS } from './dataset-limits';
import type { NewEntryInput, UpdateEntryInput } from './dataset-types';

export interface FieldIssue {
  /** Dotted path inside the entry, e.g. `tags.3`; `(root)` for the entry itself. */
  path: string;
  message: string;
}

const ENTRY_FIELDS = new Set(['input_data', 'expected_output', 'tags']);

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tagIssues(tags: unknown): FieldIssue[] {
  if (!Array.isArray(tags)) return [{ path: 'tags', message: 'must be an array of strings' }];
  const issues: FieldIssue[] = [];
  if (tags.length > DATASET_LIMITS.maxTagsPerEntry) {
    issues.push({ path: 'tags', message: `must hold at most ${DATASET_LIMITS.maxTagsPerEntry} tags` });
  }
  tags.forEach((tag, i) => {
    if (typeof tag !== 'string' || tag.trim() === '') {
      issues.push({ path: `tags.${i}`, message: 'must be a non-empty string' });
    } else if (tag.length > DATASET_LIMITS.maxTagLength) {
      issues.push({ path: `tags.${i}`, message: `must be at most ${DATASET_LIMITS.maxTagLength} characters` });
    }
  });
  return issues;
}

/**
 * Every problem with one entry's fields. Imports bypass the HTTP schema layer, and the service may be
 * called from elsewhere, so these rules are enforced here for every write. `partial` is for updates.
 */
export function entryIssues(value: unknown, partial = false): FieldIssue[] {
  if (!isJsonObject(value)) return [{ path: '(root)', message: 'must be a JSON object' }];
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(value)) {
    if (!ENTRY_FIELDS.has(key)) issues.push({ path: key, message: 'is not a known field' });
  }
  if ('input_data' in value) {
    if (!isJsonObject(value.input_data)) issues.push({ path: 'input_data', message: 'must be a JSON object' });
  } else if (!partial) {
    issues.push({ path: 'input_data', message: 'is required' });
  }
  if ('tags' in value) issues.push(...tagIssues(value.tags));
  return issues;
}

function assertEntry(value: unknown, partial: boolean): void {
  const issues = entryIssues(value, partial);
  if (issues.length > 0) {
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new InvalidRequestError(`Invalid dataset entry: ${summary}`, { issues });
  }
}

export function assertNewEntry(value: unknown): asserts value is NewEntryInput {
  assertEntry(value, false);
}

export function assertEntryUpdate(value: unknown): asserts value is UpdateEntryInput {
  assertEntry(value, true);
}
