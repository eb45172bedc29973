import type { QueryOf, Schemas } from '../../api/client';
import type { ExecutionScope } from './template-search';
import { type TemplateVersion, versionRef } from './template-versions';

export type Execution = Schemas['Execution'];

export const EXECUTIONS_PAGE_SIZE = 20;

/** The `GET /v1/executions` query of the Executions tab: the name's executions, or one version's, a page at a time. */
export function executionsQueryFor(name: string, version: number, scope: ExecutionScope | undefined, page: number | undefined) {
  return {
    template: scope === 'version' ? versionRef(name, version) : name,
    limit: EXECUTIONS_PAGE_SIZE,
    offset: ((page ?? 1) - 1) * EXECUTIONS_PAGE_SIZE,
  } satisfies QueryOf<'/v1/executions', 'get'>;
}

/**
 * The version number of each listed execution, from the name's versions; executions of a deleted
 * version (hidden from the list) get none.
 */
export function versionNumbersById(versions: readonly TemplateVersion[]): Map<string, number> {
  return new Map(versions.map((version) => [version.id, version.version_number]));
}
