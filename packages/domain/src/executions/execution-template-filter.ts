import { parseTemplateRef } from '../templates/template-ref';

/**
 * The `template` condition matching a ref's executions across history: a name covers every version
 * ever saved under it, deleted ones included (their executions are still that name's), `name@N`
 * exactly that version, and an id that version. An unknown name simply matches no execution.
 */
export function templateHistoryFilter(ref: string): string | { name: string; version_number?: number } {
  const parsed = parseTemplateRef(ref);
  if (parsed.kind === 'id') return parsed.id;
  if (parsed.kind === 'version') return { name: parsed.name, version_number: parsed.version };
  return { name: parsed.name };
}
