import { api, type ResponseOf, unwrap } from '../../api/client';

export type DraftPreview = ResponseOf<'/v1/templates/preview', 'post'>;

/** The version the editor starts from: `name@N` when a version is given, else the version the name resolves to. */
export function editorRef(name: string, from: number | undefined): string {
  return from === undefined ? name : `${name}@${from}`;
}

export interface DraftPreviewInput {
  system_prompt: string;
  user_prompt_template: string;
  context: Record<string, unknown>;
  input_schema: Record<string, unknown> | null;
}

export function previewDraft(input: DraftPreviewInput, signal?: AbortSignal): Promise<DraftPreview> {
  return unwrap(api.POST('/v1/templates/preview', { body: input, signal }));
}
