import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ExecutionScope } from './template-search';
import { executionsQueryFor } from './template-executions';
import { isAboutTemplate, templateKeys } from './template-query-keys';
import { versionRef } from './template-versions';

/** Every version of the name, each with its full content; the page's main query. */
export function versionsQuery(name: string) {
  return queryOptions({
    queryKey: templateKeys.versions(name),
    queryFn: async () => (await unwrap(api.GET('/v1/templates/{id}/versions', { params: { path: { id: name } } }))).items,
  });
}

export function schemasQuery(name: string, version: number) {
  return queryOptions({
    queryKey: templateKeys.schemas(name, version),
    queryFn: async () => (await unwrap(api.GET('/v1/templates/{id}/schemas', { params: { path: { id: versionRef(name, version) } } }))).items,
  });
}

export function variablesQuery(name: string, version: number) {
  return queryOptions({
    queryKey: templateKeys.variables(name, version),
    // What a version's prompts use cannot change, so this is fetched once per version.
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () => unwrap(api.GET('/v1/templates/{id}/variables', { params: { path: { id: versionRef(name, version) } } })),
  });
}

/** What changed from `base` (old) to `target` (new). */
export function diffQuery(name: string, base: number, target: number) {
  return queryOptions({
    queryKey: templateKeys.diff(name, base, target),
    queryFn: () =>
      unwrap(
        api.GET('/v1/templates/{id}/diff', {
          params: { path: { id: versionRef(name, target) }, query: { against: String(base) } },
        }),
      ),
  });
}

export function templateExecutionsQuery(name: string, version: number, scope: ExecutionScope | undefined, page: number | undefined) {
  const query = executionsQueryFor(name, version, scope, page);
  return queryOptions({
    queryKey: ['executions', 'list', query] as const,
    queryFn: () => unwrap(api.GET('/v1/executions', { params: { query } })),
  });
}

/** After a change to any version of `name`: its data, and the template lists, which show its state. */
export function refreshTemplate(queryClient: QueryClient, name: string): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => isAboutTemplate(query.queryKey, name) });
}
