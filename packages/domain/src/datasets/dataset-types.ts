import type { PageRequest } from '../pagination';

export type { DatasetDeleteOutcome, DatasetDetail, DatasetView, EntryView, ImportResult } from '@promptops/validators';

/** What an evaluation run needs from each entry. */
export interface RunEntry {
  id: string;
  input_data: Record<string, unknown>;
  expected_output: unknown;
}

export interface CreateDatasetInput {
  name: string;
  description?: string;
  /**
   * A template `name` (the dataset follows whichever version the name resolves to), `name@N` or a
   * version id (pinned to that version). It must resolve when given.
   */
  template?: string | null;
}

export type UpdateDatasetInput = Partial<CreateDatasetInput>;

export interface ListDatasetsQuery extends PageRequest {
  /** Datasets tied to this template name, following it or pinned to one of its versions. */
  template?: string;
  /** Case-insensitive substring of the name or the description. */
  q?: string;
}

export interface NewEntryInput {
  input_data: Record<string, unknown>;
  expected_output?: unknown;
  tags?: string[];
}

export type UpdateEntryInput = Partial<NewEntryInput>;

/** `any`: an entry carrying at least one of the tags; `all`: an entry carrying every one. */
export type TagMatch = 'any' | 'all';

export interface TagFilter {
  tags?: string[];
  match?: TagMatch;
}

/** `oldest`: the order entries were written (and imported, line by line); `newest`: the reverse. */
export type EntryOrder = 'oldest' | 'newest';

export interface ListEntriesQuery extends PageRequest, TagFilter {
  order?: EntryOrder;
}

export interface WriteOptions {
  /** Check input_data against the input schema of the dataset's template (default true). */
  validate?: boolean;
}

export type ImportFormat = 'json' | 'jsonl';

export interface ImportOptions extends WriteOptions {
  /** Skip entries whose (input_data, expected_output) already exist in the dataset or earlier in the import. */
  dedupe?: boolean;
}

/** Where an item sits in an import: its array index (JSON) or its 1-based line (JSON Lines). */
export type ImportPosition = { index: number } | { line: number };

/** The part of the template service datasets rely on; kept narrow so datasets do not depend on its internals. */
export interface TemplateLookup {
  resolve(ref: string): Promise<{ template: { id: string; name: string; version_number: number }; input_schema: object | null }>;
  /** For each `name` or `name@N`, the id of the version it resolves to now; refs resolving to nothing are absent. */
  resolvedIds(refs: readonly string[]): Promise<Map<string, string>>;
}
