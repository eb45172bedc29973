import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptDatasetEntry } from '@promptops/db';
import type { JsonSchemaValidator } from '@promptops/schemas';
import { entryFingerprint } from './canonical-json';
import { requireDataset, templateRefOf } from './dataset-records';
import type { ImportOptions, ImportResult, NewEntryInput, TemplateLookup } from './dataset-types';
import type { ImportItem } from './import-parsing';
import { assertImportMatchesSchema, inputSchemaFor } from './input-schema-check';

/** Rows per INSERT statement; well under PostgreSQL's 65535 bind-parameter cap at 5 columns a row. */
const INSERT_BATCH_SIZE = 1000;

export interface ImportContext {
  em: EntityManager;
  validator: JsonSchemaValidator;
  templates: TemplateLookup;
}

async function existingFingerprints(em: EntityManager, datasetId: string): Promise<Set<string>> {
  // Plain rows, not entities: a dataset may hold 100,000 entries, and only their fingerprints are kept.
  const rows: { input_data: unknown; expected_output: unknown }[] = await em
    .createQueryBuilder(PromptDatasetEntry, 'e')
    .select(['e.input_data', 'e.expected_output'])
    .where({ dataset: datasetId })
    .execute('all', false);
  return new Set(rows.map((row) => entryFingerprint(row.input_data, row.expected_output)));
}

function withoutDuplicates(entries: NewEntryInput[], seen: Set<string>): NewEntryInput[] {
  return entries.filter((entry) => {
    const fingerprint = entryFingerprint(entry.input_data, entry.expected_output);
    if (seen.has(fingerprint)) return false;
    seen.add(fingerprint);
    return true;
  });
}

/**
 * Rows for one import. They share a timestamp, so listings break the tie on id; sorting freshly drawn
 * UUIDs and handing them out in file order makes that tie-break reproduce the file's order. They are
 * entities, not plain objects: insertMany walks plain objects as query parameters, which fails on
 * user JSON with keys such as `constructor`.
 */
function toRows(em: EntityManager, datasetId: string, entries: NewEntryInput[]) {
  const createdAt = new Date();
  const ids = entries.map(() => crypto.randomUUID()).sort();
  return entries.map((entry, i) =>
    em.create(
      PromptDatasetEntry,
      {
        id: ids[i] as string,
        dataset: datasetId,
        input_data: entry.input_data,
        expected_output: entry.expected_output ?? null,
        tags: entry.tags ?? [],
        created_at: createdAt,
      },
      { persist: false },
    ),
  );
}

/** Writes every item or none: validation happens first, then all batches go in one transaction. */
export async function writeImport(ctx: ImportContext, datasetId: string, items: ImportItem[], options: ImportOptions): Promise<ImportResult> {
  const dataset = await requireDataset(ctx.em, datasetId);
  if (options.validate !== false) {
    const schema = await inputSchemaFor(ctx.templates, templateRefOf(dataset));
    if (schema) assertImportMatchesSchema(ctx.validator, schema, items);
  }
  return ctx.em.transactional(async (tx) => {
    // Locking the dataset row serialises imports into one dataset, so de-duplication sees a stable set.
    await requireDataset(tx, datasetId, true);
    const entries = items.map((item) => item.entry);
    const kept = options.dedupe ? withoutDuplicates(entries, await existingFingerprints(tx, datasetId)) : entries;
    const rows = toRows(tx, datasetId, kept);
    for (let start = 0; start < rows.length; start += INSERT_BATCH_SIZE) {
      await tx.insertMany(PromptDatasetEntry, rows.slice(start, start + INSERT_BATCH_SIZE));
    }
    return { imported: kept.length, skipped: entries.length - kept.length };
  });
}
