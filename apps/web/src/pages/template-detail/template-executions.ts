import type { QueryOf, Schemas } from '../../api/client';
import type { BadgeTone } from '../../components/ui/badge';
import type { ExecutionScope } from './template-search';
import { type TemplateVersion, versionRef } from './template-versions';

export type Execution = Schemas['Execution'];

export const EXECUTIONS_PAGE_SIZE = 20;
/** How often the list refreshes while an execution on it is still queued or running. */
export const LIVE_REFRESH_MS = 2000;

/** The `GET /v1/executions` query of the Executions tab: the name's executions, or one version's, a page at a time. */
export function executionsQueryFor(name: string, version: number, scope: ExecutionScope | undefined, page: number | undefined) {
  return {
    template: scope === 'version' ? versionRef(name, version) : name,
    limit: EXECUTIONS_PAGE_SIZE,
    offset: ((page ?? 1) - 1) * EXECUTIONS_PAGE_SIZE,
  } satisfies QueryOf<'/v1/executions', 'get'>;
}

export function isLive(status: Execution['status']): boolean {
  return status === 'queued' || status === 'running';
}

/** Poll while any listed execution can still change; stop once every one has finished. */
export function refetchIntervalFor(items: readonly Pick<Execution, 'status'>[] | undefined): number | false {
  return items?.some((item) => isLive(item.status)) ? LIVE_REFRESH_MS : false;
}

const STATUS_TONES: Record<Execution['status'], BadgeTone> = {
  queued: 'neutral',
  running: 'info',
  succeeded: 'success',
  failed: 'danger',
  cancelled: 'warning',
};

export function statusTone(status: Execution['status']): BadgeTone {
  return STATUS_TONES[status];
}

/**
 * The version number of each listed execution, from the name's versions; executions of a deleted
 * version (hidden from the list) get none.
 */
export function versionNumbersById(versions: readonly TemplateVersion[]): Map<string, number> {
  return new Map(versions.map((version) => [version.id, version.version_number]));
}
