import { QueryOrder, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptTemplate } from '@promptops/db';
import type { Page } from '../pagination';
import { describeTemplates } from './template-dto';
import { recentStats, visibleVersionCounts } from './template-list-extras';
import type { ListTemplatesQuery, TemplateListItem, TemplateSort } from './template-types';

const DEFAULT_PAGE_LIMIT = 50;

/** Escapes LIKE wildcards so a search for `50%` or `a_b` matches those characters literally. */
function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The sort field first, then name and newest version, so every order pages deterministically. */
function orderFor(sort: TemplateSort): QueryOrderMap<PromptTemplate> {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as Exclude<TemplateSort, `-${string}`>;
  if (field === 'name') return { name: descending ? 'desc' : 'asc', version_number: 'desc' };
  // PostgreSQL puts nulls first in descending order; never used versions belong at the end either way.
  const direction = descending ? QueryOrder.DESC_NULLS_LAST : QueryOrder.ASC_NULLS_LAST;
  return { [field]: direction, name: 'asc', version_number: 'desc' };
}

/** Visible versions ordered by `sort` (name, then newest version first, by default), so pages are stable. */
export async function listTemplates(em: EntityManager, query: ListTemplatesQuery): Promise<Page<TemplateListItem>> {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const offset = query.offset ?? 0;
  const qb = em.createQueryBuilder(PromptTemplate, 't').where({ deleted_at: null });
  // Category, tags and description belong to the name: each condition looks at the name's row.
  const nameRowWhere = (condition: string, params: unknown[]) =>
    qb.andWhere(`exists (select 1 from prompt_template_names n where n.name = t.name and ${condition})`, params);
  if (query.category !== undefined) nameRowWhere('n.category = ?', [query.category]);
  if (query.tags !== undefined && query.tags.length > 0) {
    nameRowWhere('n.tags @> array(select jsonb_array_elements_text(?::jsonb))', [JSON.stringify(query.tags)]);
  }
  if (query.is_active !== undefined) qb.andWhere({ is_active: query.is_active });
  if (query.provider !== undefined) qb.andWhere({ provider: query.provider });
  if (query.name !== undefined) qb.andWhere({ name: query.name });
  if (query.q !== undefined && query.q !== '') {
    const pattern = `%${escapeLikePattern(query.q)}%`;
    // One parameter for both columns: the pattern is matched against each of them.
    nameRowWhere('exists (select 1 from unnest(array[n.name, n.description]) as field(value) where field.value ilike ?)', [pattern]);
  }
  if (query.latest_only) {
    // Same rule as name resolution: the highest active, non-deleted version of each name.
    qb.andWhere(`t.is_active and not exists (
      select 1 from prompt_templates newer
      where newer.name = t.name and newer.is_active and newer.deleted_at is null
        and newer.version_number > t.version_number)`);
  }
  if (query.per_name) {
    // The name's representative: any active version beats every inactive one (false < true), then
    // the higher number wins; so it is the resolved version, else the highest one. Filters above
    // then judge that row only, never a name by one of its other versions.
    qb.andWhere(`not exists (
      select 1 from prompt_templates better
      where better.name = t.name and better.deleted_at is null
        and (better.is_active, better.version_number) > (t.is_active, t.version_number))`);
  }
  const total = await qb.clone().getCount();
  const templates = await qb
    .orderBy(orderFor(query.sort ?? 'name'))
    .limit(limit)
    .offset(offset)
    .getResultList();
  const items: TemplateListItem[] = await describeTemplates(em, templates);
  if (query.per_name) {
    const counts = await visibleVersionCounts(em, templates);
    for (const item of items) item.version_count = counts.get(item.name) ?? 0;
  }
  if (query.include_stats) {
    const byName = query.per_name === true;
    const stats = await recentStats(em, templates, byName);
    for (const item of items) item.stats = stats(byName ? item.name : item.id);
  }
  return { items, total, limit, offset };
}
