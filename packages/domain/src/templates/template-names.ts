import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptTemplateName, TEMPLATE_CATEGORIES } from '@promptops/db';
import type { FacetCount, NameMetadata, TemplateFacets } from './template-types';

/** What a new name starts with. */
export function defaultMetadata(): NameMetadata {
  return { description: '', category: 'other', tags: [] };
}

function toMetadata(row: PromptTemplateName): NameMetadata {
  return { description: row.description, category: row.category, tags: [...row.tags] };
}

/** The metadata of each name, in one query. */
export async function loadNameMetadata(em: EntityManager, names: readonly string[]): Promise<Map<string, NameMetadata>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  const rows = await em.find(PromptTemplateName, { name: { $in: unique } });
  return new Map(rows.map((row) => [row.name, toMetadata(row)]));
}

export async function nameMetadata(em: EntityManager, name: string): Promise<NameMetadata> {
  return (await loadNameMetadata(em, [name])).get(name) ?? defaultMetadata();
}

/**
 * Writes a name's metadata, creating its row for a new name. Only fields that differ are written,
 * so an unchanged name keeps its `updated_at`. Callers changing a name that already has versions
 * hold its advisory lock or accept last-write-wins per field.
 */
export async function saveNameMetadata(em: EntityManager, name: string, metadata: Partial<NameMetadata>): Promise<boolean> {
  const row = await em.findOne(PromptTemplateName, { name });
  if (!row) {
    em.create(PromptTemplateName, { name, ...defaultMetadata(), ...metadata });
    await em.flush();
    return true;
  }
  const changed =
    (metadata.description !== undefined && metadata.description !== row.description) ||
    (metadata.category !== undefined && metadata.category !== row.category) ||
    (metadata.tags !== undefined && JSON.stringify(metadata.tags) !== JSON.stringify(row.tags));
  if (!changed) return false;
  em.assign(row, metadata);
  await em.flush();
  return true;
}

/** Drops the name's row once no version of it is left at all (deleted versions kept for history count). */
export async function removeNameIfUnused(em: EntityManager, name: string): Promise<void> {
  // Raw: the NOT EXISTS guard makes check and delete one statement, so a concurrent new version keeps its name.
  await em.execute(`delete from prompt_template_names n where n.name = ? and not exists (select 1 from prompt_templates t where t.name = n.name)`, [name]);
}

/** Names count once each, and only while they have a visible version: deleted templates do not linger as filters. */
export async function templateFacets(em: EntityManager): Promise<TemplateFacets> {
  // Raw: unnest() in FROM, which the QueryBuilder cannot express.
  const visible = `exists (select 1 from prompt_templates t where t.name = n.name and t.deleted_at is null)`;
  const categories = await em.execute<FacetCount[]>(
    `select n.category as name, count(*)::int as count from prompt_template_names n
      where ${visible} group by n.category order by count desc, name`,
  );
  const tags = await em.execute<FacetCount[]>(
    `select tag as name, count(*)::int as count from prompt_template_names n, unnest(n.tags) as tag
      where ${visible} group by tag order by count desc, name`,
  );
  return { categories, tags, suggested_categories: [...TEMPLATE_CATEGORIES] };
}
