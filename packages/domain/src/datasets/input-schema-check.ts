import { PromptTemplateNotFoundError, PromptValidationError } from '@promptops/errors';
import { describeViolations, type JsonSchema, type JsonSchemaValidator, type SchemaViolation } from '@promptops/schemas';
import { DATASET_LIMITS } from './dataset-limits';
import type { ImportPosition, TemplateLookup } from './dataset-types';
import { describePosition, type ImportItem } from './import-parsing';

/**
 * The input schema entries of a dataset must satisfy: that of the version its template ref (`name`
 * or `name@N`) resolves to now, if any. A template deleted since the dataset was tied to it leaves
 * nothing to check against, and must not make the dataset itself unwritable.
 */
export async function inputSchemaFor(templates: TemplateLookup, templateRef: string | null): Promise<JsonSchema | null> {
  if (!templateRef) return null;
  try {
    const resolved = await templates.resolve(templateRef);
    return (resolved.input_schema as JsonSchema | null) ?? null;
  } catch (error) {
    if (error instanceof PromptTemplateNotFoundError) return null;
    throw error;
  }
}

type EntryViolations = ImportPosition & { violations: SchemaViolation[] };

/** Checks every imported entry and reports all failures together (capped), like the import parser does. */
export function assertImportMatchesSchema(validator: JsonSchemaValidator, schema: JsonSchema, items: ImportItem[]): void {
  const failures: EntryViolations[] = [];
  for (const { at, entry } of items) {
    const violations = validator.validate(schema, entry.input_data);
    if (violations.length > 0) failures.push({ ...at, violations });
  }
  if (failures.length === 0) return;
  const first = failures[0] as EntryViolations;
  const reported = failures.slice(0, DATASET_LIMITS.maxReportedIssues);
  throw new PromptValidationError(
    `Import rejected, nothing was written: ${failures.length} entr${failures.length === 1 ? 'y does' : 'ies do'} not match the template's input schema; first at ${describePosition(first)}: ${describeViolations(first.violations)}`,
    { entries: reported, invalid_count: failures.length, truncated: failures.length > reported.length },
  );
}
