import { queryOptions } from '@tanstack/react-query';
import { api, type ResponseOf, unwrap } from '../../api/client';
import { pollInterval } from './execution-result';

export type ProviderCatalog = ResponseOf<'/v1/providers', 'get'>;
export type DraftPreview = ResponseOf<'/v1/templates/preview', 'post'>;

/** The version the editor starts from: `name@N` when a version is given, else the version the name resolves to. */
export function editorRef(name: string, from: number | undefined): string {
  return from === undefined ? name : `${name}@${from}`;
}

export const templateQuery = (ref: string) =>
  queryOptions({
    queryKey: ['template', ref],
    queryFn: () => unwrap(api.GET('/v1/templates/{id}', { params: { path: { id: ref } } })),
  });

export const providersQuery = queryOptions({
  queryKey: ['providers'],
  staleTime: 5 * 60_000,
  queryFn: () => unwrap(api.GET('/v1/providers')),
});

/** An execution, polled every second until it ends. */
export const executionQuery = (id: string) =>
  queryOptions({
    queryKey: ['execution', id],
    queryFn: () => unwrap(api.GET('/v1/executions/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => pollInterval(query.state.data),
    staleTime: 0,
  });

export interface DraftPreviewInput {
  system_prompt: string;
  user_prompt_template: string;
  context: Record<string, unknown>;
  input_schema: Record<string, unknown> | null;
}

export function previewDraft(input: DraftPreviewInput, signal?: AbortSignal): Promise<DraftPreview> {
  return unwrap(api.POST('/v1/templates/preview', { body: input, signal }));
}
