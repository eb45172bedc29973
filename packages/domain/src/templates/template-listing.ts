import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptTemplate } from '@promptops/db';
import type { Page } from '../pagination';
import { describeTemplates, type TemplateDto } from './template-dto';
import type { ListTemplatesQuery } from './template-types';

const DEFAULT_PAGE_LIMIT = 50;

/** Escapes LIKE wildcards so a search for `50%` or `a_b` matches those characters literally. */
function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** Visible versions ordered by name, then newest version first, so pages are stable. */
export async function listTemplates(em: EntityManager, query: ListTemplatesQuery): Promise<Page<TemplateDto>> {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const offset = query.offset ?? 0;
  const qb = em.createQueryBuilder(PromptTemplate, 't').where({ deleted_at: null });
  if (query.category !== undefined) qb.andWhere({ category: query.category });
  if (query.is_active !== undefined) qb.andWhere({ is_active: query.is_active });
  if (query.provider !== undefined) qb.andWhere({ provider: query.provider });
  if (query.name !== undefined) qb.andWhere({ name: query.name });
  if (query.q !== undefined && query.q !== '') {
    const pattern = `%${escapeLikePattern(query.q)}%`;
    qb.andWhere({ $or: [{ name: { $ilike: pattern } }, { description: { $ilike: pattern } }] });
  }
  if (query.latest_only) {
    // Same rule as name resolution: the highest active, non-deleted version of each name.
    qb.andWhere(`t.is_active and not exists (
      select 1 from prompt_templates newer
      where newer.name = t.name and newer.is_active and newer.deleted_at is null
        and newer.version_number > t.version_number)`);
  }
  const total = await qb.clone().getCount();
  const templates = await qb.orderBy({ name: 'asc', version_number: 'desc' }).limit(limit).offset(offset).getResultList();
  return { items: await describeTemplates(em, templates), total, limit, offset };
}
