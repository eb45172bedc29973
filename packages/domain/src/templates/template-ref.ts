import { InvalidRequestError } from '@promptops/errors';

/** How callers address templates: a version id, a name (the version it resolves to) or `name@N`. */
export type TemplateRef = { kind: 'id'; id: string } | { kind: 'name'; name: string } | { kind: 'version'; name: string; version: number };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSIONED_NAME_PATTERN = /^(.+)@(\d{1,9})$/;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

export function parseTemplateRef(ref: string): TemplateRef {
  if (ref.trim() === '') throw new InvalidRequestError('Template reference must not be empty', { ref });
  if (isUuid(ref)) return { kind: 'id', id: ref.toLowerCase() };
  const versioned = VERSIONED_NAME_PATTERN.exec(ref);
  if (versioned?.[1] && versioned[2]) return { kind: 'version', name: versioned[1], version: Number(versioned[2]) };
  return { kind: 'name', name: ref };
}
