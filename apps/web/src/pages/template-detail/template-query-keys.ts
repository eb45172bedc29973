import type { QueryKey } from '@tanstack/react-query';

/**
 * Query keys of the template page, all under ['template', name, ...]. Version content never
 * changes, but activity (active, resolved) does, so mutations refresh everything of the name.
 */
export const templateKeys = {
  versions: (name: string) => ['template', name, 'versions'] as const,
  schemas: (name: string, version: number) => ['template', name, 'version', version, 'schemas'] as const,
  variables: (name: string, version: number) => ['template', name, 'version', version, 'variables'] as const,
  diff: (name: string, base: number, target: number) => ['template', name, 'diff', base, target] as const,
};

/**
 * Whether a cached query is about the template `name`: this page's keys, and keys other pages
 * build from a ref of one of its versions (`name@N`).
 */
export function isAboutTemplate(queryKey: QueryKey, name: string): boolean {
  const [root, ref] = queryKey;
  if (root === 'templates') return true;
  if (root !== 'template' || typeof ref !== 'string') return false;
  return ref === name || (ref.startsWith(`${name}@`) && /^\d+$/.test(ref.slice(name.length + 1)));
}
