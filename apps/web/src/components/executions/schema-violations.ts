/** One failing check of a context or an output against a JSON Schema (`path` is a JSON pointer). */
export interface Violation {
  path: string;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function violationOf(item: unknown): Violation {
  if (!isRecord(item)) return { path: '/', message: typeof item === 'string' ? item : JSON.stringify(item) };
  const path = typeof item.path === 'string' && item.path !== '' ? item.path : '/';
  const message = typeof item.message === 'string' && item.message !== '' ? item.message : JSON.stringify(item);
  // Ajv reports a missing required property on its parent; point at the property itself.
  const params = isRecord(item.params) ? item.params : {};
  const missing = item.keyword === 'required' && typeof params.missingProperty === 'string' ? params.missingProperty : null;
  return { path: missing === null ? path : `${path === '/' ? '' : path}/${missing}`, message };
}

/**
 * The API's schema violations (`{path, message, keyword, params}`, from a 422 or an attempt log) in
 * display form. Stored logs are read defensively: entries of another shape still show, as text.
 */
export function parseViolations(list: unknown): Violation[] {
  return Array.isArray(list) ? list.map(violationOf) : [];
}
