/** An entry as edited in the console: JSON text for its input and expected output, and its tags. */
export interface EntryDraft {
  input: string;
  expected: string;
  tags: string[];
}

export interface EntryBody {
  input_data: Record<string, unknown>;
  expected_output: unknown;
  tags: string[];
}

/** The API's bounds on tags (DATASET_LIMITS in the domain). */
export const MAX_TAG_LENGTH = 100;
export const MAX_TAGS = 50;

export function draftFromEntry(entry?: { input_data: Record<string, unknown>; expected_output?: unknown; tags: string[] }): EntryDraft {
  if (!entry) return { input: '{\n  \n}', expected: '', tags: [] };
  const expected = entry.expected_output;
  return {
    input: JSON.stringify(entry.input_data, null, 2),
    expected: expected === null || expected === undefined ? '' : JSON.stringify(expected, null, 2),
    tags: [...entry.tags],
  };
}

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * The request body for a draft, or what is wrong with each part. An empty expected output means
 * none (null); text answers are JSON strings, so `"Paris"` with its quotes.
 */
export function parseEntryDraft(draft: EntryDraft): { body: EntryBody; errors: null } | { body: null; errors: { input?: string; expected?: string } } {
  const errors: { input?: string; expected?: string } = {};
  const input = parseJson(draft.input);
  let inputData: Record<string, unknown> = {};
  if ('error' in input) errors.input = input.error;
  else if (typeof input.value !== 'object' || input.value === null || Array.isArray(input.value))
    errors.input = 'Must be a JSON object, e.g. {"question": "…"}';
  else inputData = input.value as Record<string, unknown>;
  let expected: unknown = null;
  if (draft.expected.trim() !== '') {
    const parsed = parseJson(draft.expected);
    if ('error' in parsed) errors.expected = `${parsed.error}. A text answer is written in quotes: "Paris"`;
    else expected = parsed.value;
  }
  if (errors.input || errors.expected) return { body: null, errors };
  return { body: { input_data: inputData, expected_output: expected, tags: draft.tags }, errors: null };
}

/** Adds typed tags (comma-separated) to a list: trimmed, without repeats, within the API's bounds. */
export function addTags(tags: readonly string[], typed: string): string[] {
  const next = [...tags];
  for (const raw of typed.split(',')) {
    const tag = raw.trim().slice(0, MAX_TAG_LENGTH);
    if (tag !== '' && !next.includes(tag) && next.length < MAX_TAGS) next.push(tag);
  }
  return next;
}

/** One line of JSON for a table cell; long values are cut by the cell, not here. */
export function jsonPreview(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
