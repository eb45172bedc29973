import { compact, optionalPositiveInt } from '../../lib/search-params';

/** The editor starts from `from` (a version number of the template), or from the version the name resolves to. */
export interface EditorSearch {
  from?: number;
}

export function validateEditorSearch(raw: Record<string, unknown>): EditorSearch {
  return compact({ from: optionalPositiveInt(raw, 'from') });
}
