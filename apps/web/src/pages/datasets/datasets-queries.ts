import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type ResponseOf, unwrap } from '../../api/client';
import { type DatasetsSearch, datasetsQueryFor } from './datasets-search';

export type Dataset = ResponseOf<'/v1/datasets/{id}', 'get'>;
export type DatasetListItem = ResponseOf<'/v1/datasets', 'get'>['items'][number];

/** Every dataset query starts with one of these, so a write can refresh exactly what it changed. */
export const datasetKeys = {
  lists: ['datasets'] as const,
  one: (id: string) => ['dataset', id] as const,
};

export function datasetsListQuery(search: DatasetsSearch) {
  const query = datasetsQueryFor(search);
  return queryOptions({
    queryKey: [...datasetKeys.lists, 'list', query],
    queryFn: () => unwrap(api.GET('/v1/datasets', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The names of datasets for pickers (the first 200 by name). */
export const datasetChoicesQuery = queryOptions({
  queryKey: [...datasetKeys.lists, 'choices'],
  queryFn: async () => (await unwrap(api.GET('/v1/datasets', { params: { query: { limit: 200 } } }))).items,
  staleTime: 30_000,
});

/** One dataset with its entry count and how many entries carry each tag. */
export function datasetQuery(id: string) {
  return queryOptions({
    queryKey: datasetKeys.one(id),
    queryFn: () => unwrap(api.GET('/v1/datasets/{id}', { params: { path: { id } } })),
  });
}
