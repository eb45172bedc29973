import type { DatasetService } from '../../datasets/dataset-service';
import type { TemplateService } from '../../templates/template-service';
import type { SeedReport } from '../seed-builtin-templates';
import { CAPITAL_FINDER, CAPITAL_FINDER_V2, CAPITALS_DATASET, CAPITALS_ENTRIES } from './capitals';

type ExampleTarget = { templates: TemplateService; datasets: DatasetService };

/**
 * Creates the data the README's examples use (`promptops seed --examples`): the Capital Finder
 * template with its two versions and the Capitals dataset. What already exists by name is left
 * alone, so running it again is harmless.
 */
export async function seedExamples({ templates, datasets }: ExampleTarget): Promise<SeedReport> {
  const report: SeedReport = { created: [], skipped: [], upgraded: [] };
  const existing = await templates.list({ q: CAPITAL_FINDER.name, limit: 50, offset: 0 });
  if (existing.items.some((template) => template.name === CAPITAL_FINDER.name)) {
    report.skipped.push(CAPITAL_FINDER.name);
  } else {
    await templates.create(CAPITAL_FINDER);
    await templates.createVersion(`${CAPITAL_FINDER.name}@1`, CAPITAL_FINDER_V2);
    report.created.push(`${CAPITAL_FINDER.name} (versions 1 and 2)`);
  }
  const sameName = await datasets.list({ q: CAPITALS_DATASET.name, limit: 50, offset: 0 });
  if (sameName.items.some((dataset) => dataset.name === CAPITALS_DATASET.name)) {
    report.skipped.push(CAPITALS_DATASET.name);
  } else {
    const dataset = await datasets.create(CAPITALS_DATASET);
    await datasets.importEntries(dataset.id, JSON.stringify(CAPITALS_ENTRIES), 'json');
    report.created.push(`${CAPITALS_DATASET.name} (${CAPITALS_ENTRIES.length} entries)`);
  }
  return report;
}
