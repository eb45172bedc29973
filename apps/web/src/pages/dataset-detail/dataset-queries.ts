import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, type ResponseOf, unwrap } from '../../api/client';
import { datasetKeys } from '../datasets/datasets-queries';
import { type DatasetSearch, entriesQueryFor } from './dataset-search';

export type Entry = ResponseOf<'/v1/datasets/{id}/entries/{entryId}', 'get'>;

export function entriesQuery(datasetId: string, search: DatasetSearch) {
  const query = entriesQueryFor(search);
  return queryOptions({
    queryKey: [...datasetKeys.one(datasetId), 'entries', query],
    queryFn: () => unwrap(api.GET('/v1/datasets/{id}/entries', { params: { path: { id: datasetId }, query } })),
    placeholderData: keepPreviousData,
  });
}

/** After entries change: the dataset (count, tags), its entry pages, and the lists showing its count. */
export async function refreshDataset(queryClient: QueryClient, datasetId: string): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: datasetKeys.one(datasetId) }), queryClient.invalidateQueries({ queryKey: datasetKeys.lists })]);
}
