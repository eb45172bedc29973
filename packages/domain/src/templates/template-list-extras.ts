import type { EntityManager } from '@mikro-orm/postgresql';
import type { PromptTemplate } from '@promptops/db';
import type { TemplateStats } from './template-types';

interface StatsRow {
  key: string;
  executions: number;
  succeeded: number;
  failed: number;
}

const NO_EXECUTIONS: StatsRow = { key: '', executions: 0, succeeded: 0, failed: 0 };

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

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
  const rows = await em.execute<{ name: string; versions: number }[]>(
    `select name, count(*)::int as versions from prompt_templates
      where name in (${placeholders(names)}) and deleted_at is null group by name`,
    names,
  );
  return new Map(rows.map((row) => [row.name, row.versions]));
}

/**
 * Executions submitted in the last 24 hours, counted in one grouped query for the whole page: per
 * name (every version, deleted ones included, as their runs happened under that name) or per
 * version. Both read the (template_id, executed_at) index. Returns a lookup by name or by id.
 */
export async function recentStats(
  em: EntityManager,
  templates: PromptTemplate[],
  byName: boolean,
): Promise<(key: string) => TemplateStats> {
  const keys = [...new Set(templates.map((t) => (byName ? t.name : t.id)))];
  if (keys.length === 0) return () => toStats(NO_EXECUTIONS);
  const counts = `count(*)::int as executions,
    count(*) filter (where e.status = 'succeeded')::int as succeeded,
    count(*) filter (where e.status = 'failed')::int as failed`;
  const recent = `e.executed_at >= now() - interval '24 hours'`;
  const sql = byName
    ? `select t.name as key, ${counts} from prompt_executions e join prompt_templates t on t.id = e.template_id
        where t.name in (${placeholders(keys)}) and ${recent} group by t.name`
    : `select e.template_id as key, ${counts} from prompt_executions e
        where e.template_id in (${placeholders(keys)}) and ${recent} group by e.template_id`;
  const rows = await em.execute<StatsRow[]>(sql, keys);
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return (key) => toStats(byKey.get(key) ?? NO_EXECUTIONS);
}
