import { type EntityManager, raw } from '@mikro-orm/postgresql';
import { PromptExecution, PromptTemplate } from '@promptops/db';
import type { TemplateStats } from './template-types';

interface StatsRow {
  key: string;
  executions: number;
  succeeded: number;
  failed: number;
}

const NO_EXECUTIONS: StatsRow = { key: '', executions: 0, succeeded: 0, failed: 0 };

function toStats({ executions, succeeded, failed }: StatsRow): TemplateStats {
  const finished = succeeded + failed;
  return {
    executions_24h: executions,
    succeeded_24h: succeeded,
    failed_24h: failed,
    success_rate_24h: finished === 0 ? null : succeeded / finished,
  };
}

/** How many visible (not deleted) versions each of the templates' names has. */
export async function visibleVersionCounts(em: EntityManager, templates: PromptTemplate[]): Promise<Map<string, number>> {
  const names = [...new Set(templates.map((t) => t.name))];
  if (names.length === 0) return new Map();
  const rows: { name: string; versions: number }[] = await em
    .createQueryBuilder(PromptTemplate, 't')
    .select(['t.name', raw('count(*)::int as versions')])
    .where({ name: { $in: names }, deleted_at: null })
    .groupBy('t.name')
    .execute('all', false);
  return new Map(rows.map((row) => [row.name, row.versions]));
}

/**
 * Executions submitted in the last 24 hours, counted in one grouped query for the whole page: per
 * name (every version, deleted ones included, as their runs happened under that name) or per
 * version. Both read the (template_id, executed_at) index. Returns a lookup by name or by id.
 */
export async function recentStats(em: EntityManager, templates: PromptTemplate[], byName: boolean): Promise<(key: string) => TemplateStats> {
  const keys = [...new Set(templates.map((t) => (byName ? t.name : t.id)))];
  if (keys.length === 0) return () => toStats(NO_EXECUTIONS);
  const qb = em
    .createQueryBuilder(PromptExecution, 'e')
    .select([
      raw(byName ? 't.name as key' : 'e.template_id as key'),
      raw('count(*)::int as executions'),
      raw(`count(*) filter (where e.status = 'succeeded')::int as succeeded`),
      raw(`count(*) filter (where e.status = 'failed')::int as failed`),
    ])
    // The database's clock, as every other "last 24 hours" reads it.
    .where(`e.executed_at >= now() - interval '24 hours'`);
  if (byName)
    qb.join('e.template', 't')
      .andWhere({ 't.name': { $in: keys } })
      .groupBy('t.name');
  else qb.andWhere({ template: { $in: keys } }).groupBy('e.template');
  const rows: StatsRow[] = await qb.execute('all', false);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return (key) => toStats(byKey.get(key) ?? NO_EXECUTIONS);
}
