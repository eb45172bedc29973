import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EvaluationRun, PromptDataset } from '@promptops/db';
import { InvalidRequestError, PromptConflictError } from '@promptops/errors';
import type { Page } from '../pagination';
import { parseTemplateRef } from '../templates/template-ref';
import { countEntries, countTags, requireDataset, templateRefOf, toDatasetView } from './dataset-records';
import type { CreateDatasetInput, DatasetDeleteOutcome, DatasetDetail, DatasetView, ListDatasetsQuery, UpdateDatasetInput } from './dataset-types';
import { EntryOperations } from './entry-operations';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

function assertName(name: string): void {
  if (name.trim() === '' || name.length > 200) {
    throw new InvalidRequestError('Dataset name must be 1 to 200 characters', { field: 'name' });
  }
}

/** How a dataset stores its tie to a template. */
interface TemplateTie {
  template_name: string | null;
  template_version: number | null;
}

const UNTIED: TemplateTie = { template_name: null, template_version: null };

/**
 * Datasets of test cases and their entries. Constructed as `new DatasetService(deps, templates)`;
 * the entry methods (createEntry, importEntries, listEntriesForRun, ...) come from EntryOperations,
 * split out only to keep each file small.
 */
export class DatasetService extends EntryOperations {
  async create(input: CreateDatasetInput): Promise<DatasetView> {
    assertName(input.name);
    const em = this.fork();
    const tie = input.template ? await this.tieFor(input.template) : UNTIED;
    const dataset = em.create(PromptDataset, { name: input.name, description: input.description ?? '', ...tie });
    await this.flushUnique(em, input.name);
    return this.view(dataset, 0);
  }

  async get(id: string): Promise<DatasetDetail> {
    const em = this.fork();
    const dataset = await requireDataset(em, id);
    const [counts, tags] = await Promise.all([countEntries(em, [id]), countTags(em, id)]);
    return { ...(await this.view(dataset, counts.get(id) ?? 0)), tags };
  }

  /** Live datasets ordered by name. */
  async list(query: ListDatasetsQuery): Promise<Page<DatasetView>> {
    const em = this.fork();
    const where: Record<string, unknown> = { deleted_at: null };
    if (query.template) where.template_name = query.template;
    if (query.q) {
      const pattern = `%${escapeLike(query.q)}%`;
      where.$or = [{ name: { $ilike: pattern } }, { description: { $ilike: pattern } }];
    }
    const [datasets, total] = await em.findAndCount(PromptDataset, where, {
      orderBy: { name: 'asc' },
      limit: query.limit,
      offset: query.offset,
    });
    const counts = await countEntries(
      em,
      datasets.map((dataset) => dataset.id),
    );
    const templateIds = await this.templates.resolvedIds(datasets.flatMap((dataset) => templateRefOf(dataset) ?? []));
    const items = datasets.map((dataset) => toDatasetView(dataset, counts.get(dataset.id) ?? 0, templateIds));
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
    if (input.template !== undefined) em.assign(dataset, input.template === null ? UNTIED : await this.tieFor(input.template));
    await this.flushUnique(em, dataset.name);
    const counts = await countEntries(em, [id]);
    return this.view(dataset, counts.get(id) ?? 0);
  }

  /**
   * A dataset that was never evaluated goes with its entries (executions that used them keep their
   * rows with `dataset_entry` null). One with runs is soft-deleted: hidden from lists and closed to
   * writes and new runs, while its runs, results and the entries they refer to stay readable.
   */
  async delete(id: string): Promise<DatasetDeleteOutcome> {
    return this.fork().transactional(async (em) => {
      // The row lock conflicts with the key-share lock a run insert takes on its dataset, so no run
      // can appear between the count and the delete.
      const dataset = await requireDataset(em, id);
      await em.lock(dataset, LockMode.PESSIMISTIC_WRITE);
      if ((await em.count(EvaluationRun, { dataset: id })) > 0) {
        dataset.deleted_at = new Date();
        await em.flush();
        return { id, deleted: 'soft' };
      }
      em.remove(dataset);
      await em.flush();
      return { id, deleted: 'hard' };
    });
  }

  /** The template ref a run of the dataset uses when the request names none: the dataset's own tie. */
  async tiedTemplate(id: string): Promise<string> {
    const dataset = await requireDataset(this.fork(), id);
    const ref = templateRefOf(dataset);
    if (!ref) {
      throw new InvalidRequestError(`Dataset "${dataset.name}" is not tied to a template; name one in \`template\``, { dataset_id: id, field: 'template' });
    }
    return ref;
  }

  /**
   * A bare name ties the dataset to the name, so evaluations follow activations and rollbacks; a
   * version (`name@N` or its id) pins it. Either must resolve now, so typos fail at once.
   */
  private async tieFor(ref: string): Promise<TemplateTie> {
    const { template } = await this.templates.resolve(ref);
    const follows = parseTemplateRef(ref).kind === 'name';
    return { template_name: template.name, template_version: follows ? null : template.version_number };
  }

  private async view(dataset: PromptDataset, entryCount: number): Promise<DatasetView> {
    const ref = templateRefOf(dataset);
    return toDatasetView(dataset, entryCount, await this.templates.resolvedIds(ref ? [ref] : []));
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
