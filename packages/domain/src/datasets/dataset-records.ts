import { LockMode, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptDataset, PromptDatasetEntry } from '@promptops/db';
import { NotFoundError } from '@promptops/errors';
import type { DatasetView, EntryView, TagFilter } from './dataset-types';

/** A live dataset; a soft-deleted one is not found (its runs stay readable through the run routes). */
export async function requireDataset(em: EntityManager, id: string, lock = false): Promise<PromptDataset> {
  const dataset = await em.findOne(PromptDataset, { id, deleted_at: null }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!dataset) throw new NotFoundError('dataset', id);
  return dataset;
}

export async function requireEntry(em: EntityManager, datasetId: string, entryId: string): Promise<PromptDatasetEntry> {
  const entry = await em.findOne(PromptDatasetEntry, { id: entryId, dataset: datasetId });
  if (!entry) {
    await requireDataset(em, datasetId);
    throw new NotFoundError('entry', entryId, { dataset_id: datasetId }, `Entry "${entryId}" not found in dataset "${datasetId}"`);
  }
  return entry;
}

/** Entry counts for many datasets in one query; datasets without entries are absent from the map. */
export async function countEntries(em: EntityManager, datasetIds: string[]): Promise<Map<string, number>> {
  if (datasetIds.length === 0) return new Map();
  const rows: { dataset_id: string; count: number }[] = await em
    .createQueryBuilder(PromptDatasetEntry, 'e')
    .select(['e.dataset', raw('count(*)::int as count')])
    .where({ dataset: { $in: datasetIds } })
    .groupBy('e.dataset')
    .execute('all', false);
  return new Map(rows.map((row) => [row.dataset_id, row.count]));
}

export async function countTags(em: EntityManager, datasetId: string): Promise<Record<string, number>> {
  // Raw: unnest() in FROM, which the QueryBuilder cannot express.
  const rows: { tag: string; count: number }[] = await em
    .getConnection()
    .execute('select tag, count(*)::int as count from prompt_dataset_entries, unnest(tags) as tag where dataset_id = ? group by tag order by tag', [datasetId]);
  return Object.fromEntries(rows.map((row) => [row.tag, row.count]));
}

/** The `where` clause for a tag filter: `&&` (overlap) for any-of, `@>` (contains) for all-of. */
export function tagCondition({ tags, match = 'any' }: TagFilter): object {
  if (!tags || tags.length === 0) return {};
  return { tags: match === 'all' ? { $contains: tags } : { $overlap: tags } };
}

/** The dataset's template as a ref: `name` when it follows the name, `name@N` when pinned; null when untied. */
export function templateRefOf(dataset: Pick<PromptDataset, 'template_name' | 'template_version'>): string | null {
  if (!dataset.template_name) return null;
  return dataset.template_version ? `${dataset.template_name}@${dataset.template_version}` : dataset.template_name;
}

/** `templateIds` maps template refs to the ids they resolve to now (TemplateLookup.resolvedIds). */
export function toDatasetView(dataset: PromptDataset, entryCount: number, templateIds: Map<string, string>): DatasetView {
  const template = templateRefOf(dataset);
  return {
    id: dataset.id,
    name: dataset.name,
    description: dataset.description,
    template,
    template_id: template ? (templateIds.get(template) ?? null) : null,
    entry_count: entryCount,
    created_at: dataset.created_at.toISOString(),
    updated_at: dataset.updated_at.toISOString(),
  };
}

export function toEntryView(entry: PromptDatasetEntry): EntryView {
  return {
    id: entry.id,
    dataset_id: entry.dataset,
    input_data: entry.input_data,
    expected_output: entry.expected_output ?? null,
    tags: entry.tags,
    created_at: entry.created_at.toISOString(),
  };
}
