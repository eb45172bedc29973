import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptDataset } from '@promptops/db';
import { InvalidRequestError, PromptConflictError } from '@promptops/errors';
import type { Page } from '../pagination';
import { countEntries, countTags, requireDataset, toDatasetView } from './dataset-records';
import type {
  CreateDatasetInput,
  DatasetDetail,
  DatasetView,
  ListDatasetsQuery,
  UpdateDatasetInput,
} from './dataset-types';
import { EntryOperations } from './entry-operations';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

function assertName(name: string): void {
  if (name.trim() === '' || name.length > 200) {
    throw new InvalidRequestError('Dataset name must be 1 to 200 characters', { field: 'name' });
  }
}

/**
 * Datasets of test cases and their entries. Constructed as `new DatasetService(deps, templates)`;
 * the entry methods (createEntry, importEntries, listEntriesForRun, ...) come from EntryOperations,
 * split out only to keep each file small.
 */
export class DatasetService extends EntryOperations {
  async create(input: CreateDatasetInput): Promise<DatasetView> {
    assertName(input.name);
    const em = this.fork();
    const template = input.template ? await this.resolveTemplateId(input.template) : null;
    const dataset = em.create(PromptDataset, { name: input.name, description: input.description ?? '', template });
    await this.flushUnique(em, input.name);
    return toDatasetView(dataset, 0);
  }

  async get(id: string): Promise<DatasetDetail> {
    const em = this.fork();
    const dataset = await requireDataset(em, id);
    const [counts, tags] = await Promise.all([countEntries(em, [id]), countTags(em, id)]);
    return { ...toDatasetView(dataset, counts.get(id) ?? 0), tags };
  }

  /** Datasets ordered by name. */
  async list(query: ListDatasetsQuery): Promise<Page<DatasetView>> {
    const em = this.fork();
    const where: Record<string, unknown> = {};
    if (query.template_id) where.template = query.template_id;
    if (query.q) {
      const pattern = `%${escapeLike(query.q)}%`;
      where.$or = [{ name: { $ilike: pattern } }, { description: { $ilike: pattern } }];
    }
    const [datasets, total] = await em.findAndCount(PromptDataset, where, {
      orderBy: { name: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    const counts = await countEntries(em, datasets.map((dataset) => dataset.id));
    const items = datasets.map((dataset) => toDatasetView(dataset, counts.get(dataset.id) ?? 0));
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /** `template: null` unties the dataset from its template. Existing entries are not re-validated. */
  async update(id: string, input: UpdateDatasetInput): Promise<DatasetView> {
    const em = this.fork();
    const dataset = await requireDataset(em, id);
    if (input.name !== undefined) {
      assertName(input.name);
      dataset.name = input.name;
    }
    if (input.description !== undefined) dataset.description = input.description;
    if (input.template !== undefined) {
      dataset.template = input.template === null ? null : await this.resolveTemplateId(input.template);
    }
    await this.flushUnique(em, dataset.name);
    const counts = await countEntries(em, [id]);
    return toDatasetView(dataset, counts.get(id) ?? 0);
  }

  /** Entries go with the dataset (cascade); executions that used them keep their rows with `dataset_entry` null. */
  async delete(id: string): Promise<void> {
    const em = this.fork();
    const deleted = await em.nativeDelete(PromptDataset, { id });
    if (deleted === 0) await requireDataset(em, id);
  }

  private async resolveTemplateId(ref: string): Promise<string> {
    const resolved = await this.templates.resolve(ref);
    return resolved.template.id;
  }

  private async flushUnique(em: EntityManager, name: string): Promise<void> {
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new PromptConflictError(`A dataset named "${name}" already exists`, { name });
      }
      throw error;
    }
  }
}
