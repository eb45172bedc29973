import { ApiError } from '../../api/api-error';
import { type EntryBody, type EntryDraft, parseEntryDraft } from '../dataset-detail/entry-form';

/** Executions one "Add to dataset" may carry; the dialog edits each, so it stays a readable list. */
export const MAX_SELECTED_EXECUTIONS = 200;

interface ExecutionLike {
  input_context: Record<string, unknown>;
  parsed_output?: unknown;
  response_text: string | null;
  output_schema: Record<string, unknown> | null;
}

/**
 * An execution as a dataset entry to edit: its context becomes the input data, and its output the
 * expected output — the parsed JSON when the template asked for structured output, else the text.
 */
export function draftFromExecution(execution: ExecutionLike, tags: string[] = []): EntryDraft {
  const structured = execution.output_schema !== null && execution.parsed_output !== undefined && execution.parsed_output !== null;
  const output = structured ? execution.parsed_output : execution.response_text;
  return {
    input: JSON.stringify(execution.input_context ?? {}, null, 2),
    expected: output === null || output === undefined ? '' : JSON.stringify(output, null, 2),
    tags,
  };
}

/** The import body for the drafts, or each draft's problems by position. */
export function entriesFromDrafts(drafts: EntryDraft[]): { entries: EntryBody[]; errors: null } | { entries: null; errors: Map<number, string[]> } {
  const entries: EntryBody[] = [];
  const errors = new Map<number, string[]>();
  drafts.forEach((draft, index) => {
    const parsed = parseEntryDraft(draft);
    if (parsed.body) entries.push(parsed.body);
    else
      errors.set(
        index,
        [parsed.errors.input && `Input data: ${parsed.errors.input}`, parsed.errors.expected && `Expected output: ${parsed.errors.expected}`].filter(
          (text): text is string => Boolean(text),
        ),
      );
  });
  return errors.size > 0 ? { entries: null, errors } : { entries, errors: null };
}

/** The import API's refusal, per entry of the list it was sent (malformed items, or input-schema violations). */
export function problemsByIndex(error: unknown): Map<number, string[]> {
  const problems = new Map<number, string[]>();
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return problems;
  const add = (index: unknown, text: string) => {
    if (typeof index !== 'number') return;
    problems.set(index, [...(problems.get(index) ?? []), text]);
  };
  const details = error.details as {
    issues?: { index?: number; path?: string; message?: string }[];
    entries?: { index?: number; violations?: { path?: string; message?: string }[] }[];
  };
  for (const issue of details.issues ?? []) add(issue.index, `${issue.path ?? ''} ${issue.message ?? ''}`.trim());
  for (const entry of details.entries ?? [])
    for (const violation of entry.violations ?? []) add(entry.index, `input_data${violation.path ?? ''} ${violation.message ?? ''}`);
  return problems;
}
