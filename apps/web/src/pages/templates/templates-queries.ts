import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { listQueryFor } from './templates-list-query';
import type { TemplatesSearch } from './templates-search';

/** Every list of templates starts with this key, so one invalidation refreshes them all. */
export const TEMPLATES_KEY = ['templates'] as const;

export function templatesListQuery(search: TemplatesSearch) {
  const query = listQueryFor(search);
  return queryOptions({
    queryKey: [...TEMPLATES_KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/v1/templates', { params: { query } })),
    // While the next page or filter loads, the table keeps showing the previous rows instead of flashing.
    placeholderData: keepPreviousData,
  });
}

/** Every version of a template's name, newest first; `ref` may be any of its versions' ids. */
export function templateVersionsQuery(name: string, ref: string) {
  return queryOptions({
    queryKey: ['template', name, 'versions'],
    queryFn: () => unwrap(api.GET('/v1/templates/{id}/versions', { params: { path: { id: ref } } })),
  });
}

/** Categories and tags in use with their counts, and the suggested categories; under TEMPLATES_KEY so template changes refresh it. */
export const templateFacetsQuery = queryOptions({
  queryKey: [...TEMPLATES_KEY, 'facets'],
  queryFn: () => unwrap(api.GET('/v1/templates/facets')),
  staleTime: 30_000,
});
