import { PlatformError } from './platform-error';

/** The kinds of stored thing a request can name that may not exist. */
export type ResourceKind = 'template' | 'schema' | 'dataset' | 'entry' | 'run' | 'execution' | 'api_key' | (string & {});

const LABELS: Record<string, string> = {
  template: 'Template',
  schema: 'Schema',
  dataset: 'Dataset',
  entry: 'Entry',
  run: 'Run',
  execution: 'Execution',
  api_key: 'API key',
};

/** What a resource kind is called in a sentence: `api_key` reads "API key", an unknown kind its words. */
function labelOf(resource: string): string {
  const words = resource.replaceAll('_', ' ');
  return LABELS[resource] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A stored thing that does not exist (HTTP 404), naming its kind and the id or ref asked for:
 * `new NotFoundError('dataset', id)` answers `Dataset "<id>" not found` with
 * `details: {resource: 'dataset', id}`. `details` adds context (the dataset an entry was looked
 * for in); `message` replaces the sentence when there is more to say than "not found".
 */
export class NotFoundError extends PlatformError {
  override readonly type = 'not_found';

  constructor(
    readonly resource: ResourceKind,
    readonly id: string,
    details: Record<string, unknown> = {},
    message = `${labelOf(resource)} "${id}" not found`,
  ) {
    super(message, { resource, id, ...details });
  }
}
