import type { Schemas } from '../../api/client';

export type TemplateVersion = Schemas['Template'];

/**
 * The API ref of exactly one version. Every call about a shown version uses it rather than the
 * bare name, which would follow whichever version the name resolves to at that moment.
 */
export function versionRef(name: string, version: number): string {
  return `${name}@${version}`;
}

export function findVersion(versions: readonly TemplateVersion[], version: number | null | undefined): TemplateVersion | undefined {
  return version === null || version === undefined ? undefined : versions.find((item) => item.version_number === version);
}

/** The version the name resolves to (its highest active one), or undefined when none is active. */
export function resolvedVersion(versions: readonly TemplateVersion[]): TemplateVersion | undefined {
  return versions.find((item) => item.resolved);
}

function newest(versions: readonly TemplateVersion[]): TemplateVersion | undefined {
  return versions.reduce<TemplateVersion | undefined>((best, item) => (!best || item.version_number > best.version_number ? item : best), undefined);
}

export type ShownVersion = { kind: 'found'; version: TemplateVersion } | { kind: 'missing'; requested: number; fallback: TemplateVersion | undefined };

/**
 * Which version the page shows: `?version=N` when the name has it, otherwise the one the name
 * resolves to, otherwise (no active version) the newest, so an all-inactive template still opens.
 */
export function pickShownVersion(versions: readonly TemplateVersion[], requested: number | undefined): ShownVersion {
  const fallback = resolvedVersion(versions) ?? newest(versions);
  if (requested !== undefined) {
    const match = findVersion(versions, requested);
    return match ? { kind: 'found', version: match } : { kind: 'missing', requested, fallback };
  }
  return fallback ? { kind: 'found', version: fallback } : { kind: 'missing', requested: 0, fallback: undefined };
}

/**
 * The version `version` is best compared with: its parent when that still exists, else the
 * highest lower version (the parent may have been deleted), else none (the first version).
 */
export function previousVersion(versions: readonly TemplateVersion[], version: number): number | undefined {
  const self = findVersion(versions, version);
  if (self?.parent_version && findVersion(versions, self.parent_version)) return self.parent_version;
  return newest(versions.filter((item) => item.version_number < version))?.version_number;
}

export interface DiffPair {
  base: number | undefined;
  target: number;
}

/**
 * The two versions the Diff tab compares: those in the URL when the name has them, otherwise the
 * shown version (target) against the version before it (base).
 */
export function defaultDiffPair(versions: readonly TemplateVersion[], shown: number, search: { base?: number; target?: number }): DiffPair {
  const target = findVersion(versions, search.target)?.version_number ?? shown;
  const base = findVersion(versions, search.base)?.version_number ?? previousVersion(versions, target);
  return { base, target };
}

/** What the name resolves to once `version` is deactivated: the highest other active version. */
export function resolvedAfterDeactivating(versions: readonly TemplateVersion[], version: number): number | undefined {
  return newest(versions.filter((item) => item.is_active && item.version_number !== version))?.version_number;
}

/** The active versions a rollback to `version` deactivates (every higher one), lowest first. */
export function deactivatedByRollback(versions: readonly TemplateVersion[], version: number): number[] {
  return versions
    .filter((item) => item.is_active && item.version_number > version)
    .map((item) => item.version_number)
    .sort((a, b) => a - b);
}

/** "v3 · active · resolved", the label of a version in the switchers. */
export function versionOptionLabel(version: TemplateVersion): string {
  const parts = [`v${version.version_number}`, version.is_active ? 'active' : 'inactive'];
  if (version.resolved) parts.push('resolved');
  return parts.join(' · ');
}

/** Versions newest first, whatever order they came in. */
export function newestFirst(versions: readonly TemplateVersion[]): TemplateVersion[] {
  return [...versions].sort((a, b) => b.version_number - a.version_number);
}

/** What a rollback to `version` does, for its confirmation. */
export function rollbackDescription(name: string, version: number, versions: readonly TemplateVersion[]): string {
  const deactivated = deactivatedByRollback(versions, version);
  const effect = deactivated.length > 0 ? ` and deactivates ${deactivated.map((n) => `v${n}`).join(', ')}` : '';
  return `Activates v${version}${effect}, so “${name}” resolves to v${version}. Executions by name run it from now on.`;
}

/** What deactivating `version` does to the name, for its confirmation. */
export function deactivateDescription(name: string, version: TemplateVersion, versions: readonly TemplateVersion[]): string {
  if (!version.resolved) return `v${version.version_number} stays available as “${name}@${version.version_number}”.`;
  const next = resolvedAfterDeactivating(versions, version.version_number);
  return next
    ? `“${name}” will resolve to v${next} instead; executions by name run v${next} from now on.`
    : `No other version is active, so “${name}” will not resolve to any version: executions by name will fail until one is activated.`;
}
