import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptDatasetEntry } from '@promptops/db';
import type { DomainDeps } from '../domain-deps';
import type { Page } from '../pagination';
import { DATASET_LIMITS } from './dataset-limits';
import { requireDataset, requireEntry, tagCondition, templateRefOf, toEntryView } from './dataset-records';
import type {
  EntryView,
  ImportFormat,
  ImportOptions,
  ImportResult,
  ListEntriesQuery,
  NewEntryInput,
  RunEntry,
  TagFilter,
  TemplateLookup,
  UpdateEntryInput,
  WriteOptions,
} from './dataset-types';
import { writeImport } from './entry-import';
import { assertEntryUpdate, assertNewEntry } from './entry-rules';
import { parseEntryImport } from './import-parsing';
import { inputSchemaFor } from './input-schema-check';

/** Entries fetched per query while exporting, so memory stays flat whatever the dataset size. */
const EXPORT_BATCH_SIZE = 500;

/** Ties on created_at (one import shares a timestamp) are broken by id, which imports hand out in file order. */
const OLDEST_FIRST = { created_at: 'asc', id: 'asc' } as const;
const NEWEST_FIRST = { created_at: 'desc', id: 'desc' } as const;

/** All datasets need from the process-wide dependencies. */
export type DatasetDeps = Pick<DomainDeps, 'orm' | 'validator'>;

/** Reads and writes of dataset entries; DatasetService inherits these so callers use one service. */
export class EntryOperations {
  constructor(
    protected readonly deps: DatasetDeps,
    protected readonly templates: TemplateLookup,
    private readonly maxImportEntries: number = DATASET_LIMITS.maxImportEntries,
  ) {}

  protected fork(): EntityManager {
    return this.deps.orm.em.fork();
  }

  async createEntry(datasetId: string, input: NewEntryInput, options: WriteOptions = {}): Promise<EntryView> {
    assertNewEntry(input);
    const em = this.fork();
    const dataset = await requireDataset(em, datasetId);
    if (options.validate !== false) await this.assertInput(templateRefOf(dataset), input.input_data);
    const entry = em.create(PromptDatasetEntry, {
      dataset: datasetId,
      input_data: input.input_data,
      expected_output: input.expected_output ?? null,
      tags: input.tags ?? [],
    });
    await em.flush();
    return toEntryView(entry);
  }

  async getEntry(datasetId: string, entryId: string): Promise<EntryView> {
    return toEntryView(await requireEntry(this.fork(), datasetId, entryId));
  }

  /** Entries oldest first by default (the order they were written or imported); `order: 'newest'` reverses it. */
  async listEntries(datasetId: string, query: ListEntriesQuery): Promise<Page<EntryView>> {
    const em = this.fork();
    await requireDataset(em, datasetId);
    const [entries, total] = await em.findAndCount(
      PromptDatasetEntry,
      { dataset: datasetId, ...tagCondition(query) },
      { orderBy: query.order === 'newest' ? NEWEST_FIRST : OLDEST_FIRST, limit: query.limit, offset: query.offset },
    );
    return { items: entries.map(toEntryView), total, limit: query.limit, offset: query.offset };
  }

  async updateEntry(datasetId: string, entryId: string, input: UpdateEntryInput, options: WriteOptions = {}): Promise<EntryView> {
    assertEntryUpdate(input);
    const em = this.fork();
    const entry = await requireEntry(em, datasetId, entryId);
    if (input.input_data !== undefined) {
      if (options.validate !== false) {
        const dataset = await requireDataset(em, datasetId);
        await this.assertInput(templateRefOf(dataset), input.input_data);
      }
      entry.input_data = input.input_data;
    }
    if (input.expected_output !== undefined) entry.expected_output = input.expected_output;
    if (input.tags !== undefined) entry.tags = input.tags;
    await em.flush();
    return toEntryView(entry);
  }

  async deleteEntry(datasetId: string, entryId: string): Promise<void> {
    const em = this.fork();
    const deleted = await em.nativeDelete(PromptDatasetEntry, { id: entryId, dataset: datasetId });
    if (deleted === 0) await requireEntry(em, datasetId, entryId);
  }

  /**
   * Adds every entry of a JSON array or JSON Lines body, or none: any malformed item fails the
   * whole import (400), as does any input_data breaking the template's input schema (422).
   */
  async importEntries(datasetId: string, text: string, format: ImportFormat, options: ImportOptions = {}): Promise<ImportResult> {
    const items = parseEntryImport(text, format, this.maxImportEntries);
    const context = { em: this.fork(), validator: this.deps.validator, templates: this.templates };
    return writeImport(context, datasetId, items, options);
  }

  /**
   * Every entry in import-compatible form (`{input_data, expected_output, tags}`), oldest first.
   * Checks the dataset exists before returning, so callers can answer 404 before streaming starts.
   */
  async exportEntries(datasetId: string): Promise<AsyncGenerator<NewEntryInput>> {
    await requireDataset(this.fork(), datasetId);
    return this.iterateEntries(datasetId);
  }

  /** Every entry an evaluation run should cover, oldest first. */
  async listEntriesForRun(datasetId: string, filter: TagFilter = {}): Promise<RunEntry[]> {
    const em = this.fork();
    await requireDataset(em, datasetId);
    // Plain rows, not entities: a run may cover 100,000 entries, and hydrating them costs far more than reading them.
    const qb = em
      .createQueryBuilder(PromptDatasetEntry, 'e')
      .select(['e.id', 'e.input_data', 'e.expected_output'])
      .where({ dataset: datasetId })
      .orderBy({ created_at: 'asc', id: 'asc' });
    // The tags travel as JSON: an array literal would trim spaces around a tag and read a tag "NULL" as null.
    const tags = filter.tags && filter.tags.length > 0 ? filter.tags : null;
    if (tags) qb.andWhere(`e.tags ${filter.match === 'all' ? '@>' : '&&'} array(select jsonb_array_elements_text(?::jsonb))`, [JSON.stringify(tags)]);
    const rows: RunEntry[] = await qb.execute('all', false);
    return rows.map((row) => ({ ...row, expected_output: row.expected_output ?? null }));
  }

  private async *iterateEntries(datasetId: string): AsyncGenerator<NewEntryInput> {
    let after: { created_at: Date; id: string } | undefined;
    while (true) {
      const em = this.fork();
      const keyset = after ? { $or: [{ created_at: { $gt: after.created_at } }, { created_at: after.created_at, id: { $gt: after.id } }] } : {};
      const batch = await em.find(PromptDatasetEntry, { dataset: datasetId, ...keyset }, { orderBy: OLDEST_FIRST, limit: EXPORT_BATCH_SIZE });
      for (const entry of batch) {
        yield { input_data: entry.input_data, expected_output: entry.expected_output ?? null, tags: entry.tags };
      }
      const last = batch.at(-1);
      if (!last || batch.length < EXPORT_BATCH_SIZE) return;
      after = { created_at: last.created_at, id: last.id };
    }
  }

  private async assertInput(templateRef: string | null, inputData: Record<string, unknown>): Promise<void> {
    const schema = await inputSchemaFor(this.templates, templateRef);
    if (schema) this.deps.validator.assertValid(schema, inputData, 'input_data');
  }
}
