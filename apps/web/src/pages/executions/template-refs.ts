/** Template versions named on one page of executions are looked up by id; this bounds how many. */
export const MAX_TEMPLATE_LOOKUPS = 20;

/** The distinct template ids of a page, first seen first, at most `max` of them. */
export function templateIdsToResolve(items: readonly { template_id: string | null }[] | undefined, max: number = MAX_TEMPLATE_LOOKUPS): string[] {
  const ids = new Set<string>();
  for (const item of items ?? []) {
    if (ids.size >= max) break;
    if (item.template_id) ids.add(item.template_id);
  }
  return [...ids];
}

/** The first 8 characters (a UUID's first block): enough to tell rows apart, short enough for a table cell. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** The `name@N` reference the API and the executions filter understand. */
export function templateRef(template: { name: string; version_number: number }): string {
  return `${template.name}@${template.version_number}`;
}
