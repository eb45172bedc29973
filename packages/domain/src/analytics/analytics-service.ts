import type { EntityManager } from '@mikro-orm/postgresql';
import { ROLLUP_TABLES, type RollupName } from '@promptops/db';
import { InvalidRequestError, PromptTemplateNotFoundError } from '@promptops/errors';
import type { DomainDeps } from '../domain-deps';
import { addTotals, emptyTotals, SUMS_SQL, toMetrics, toTotals, type RollupSums, type Totals } from './analytics-metrics';
import { resolveHours, resolveRange } from './analytics-range';
import { ANALYTICS_LIMITS, type AnalyticsScope, type AnalyticsSeries, type SeriesQuery, type TopQuery, type TopTemplates } from './analytics-types';

const DAY_MS = 86_400_000;

/** The rows of one rollup in [from, to), as a relation to select from, with its parameters. */
function rollupsOf(name: RollupName, from: Date, to: Date): { source: string; params: unknown[] } {
  return { source: `(select * from ${ROLLUP_TABLES[name]} where bucket_start >= ? and bucket_start < ?)`, params: [from, to] };
}

/**
 * The rollup rows that cover [from, to) (whole hours) exactly, reading as few as it can: the whole
 * UTC days inside it from the daily rollups, the hours before the first and after the last of them
 * from the hourly ones.
 */
function rollupsCovering(range: { from: Date; to: Date }): { source: string; params: unknown[] } {
  const firstDay = new Date(Math.ceil(range.from.getTime() / DAY_MS) * DAY_MS);
  const endDay = new Date(Math.floor(range.to.getTime() / DAY_MS) * DAY_MS);
  if (firstDay >= endDay) return rollupsOf('hour', range.from, range.to);
  return {
    source: `(select * from ${ROLLUP_TABLES.day} where bucket_start >= ? and bucket_start < ?
              union all
              select * from ${ROLLUP_TABLES.hour} where (bucket_start >= ? and bucket_start < ?) or (bucket_start >= ? and bucket_start < ?))`,
    params: [firstDay, endDay, range.from, firstDay, endDay, range.to],
  };
}

/** A WHERE over rollup rows for a scope, with its parameters. */
function scopeFilter(scope: AnalyticsScope): { where: string; params: unknown[] } {
  const conditions = ['true'];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    conditions.push(condition);
    params.push(value);
  };
  if (scope.template !== undefined) add('template_name = ?', scope.template);
  if (scope.version !== undefined) add('template_version = ?', scope.version);
  if (scope.provider !== undefined) add('provider = ?', scope.provider);
  if (scope.model !== undefined) add('model = ?', scope.model);
  return { where: conditions.join(' and '), params };
}

/**
 * Analytics over the rollups only (kept by PostgreSQL as executions finish): a view never scans
 * executions, so it costs the same with a thousand or a million of them, and reads daily rollups
 * wherever whole days will do. Latency percentiles come from the rollups' merged histograms.
 */
export class AnalyticsService {
  constructor(private readonly deps: Pick<DomainDeps, 'orm'>) {}

  private em(): EntityManager {
    return this.deps.orm.em.fork();
  }

  /** Per bucket of the range, its totals, and for a template without a version, each version's. */
  async series(query: SeriesQuery, now?: Date): Promise<AnalyticsSeries> {
    const range = resolveRange(query, now);
    const scope: AnalyticsScope = {
      ...(query.template !== undefined ? { template: query.template } : {}),
      ...(query.version !== undefined ? { version: query.version } : {}),
      ...(query.provider !== undefined ? { provider: query.provider } : {}),
      ...(query.model !== undefined ? { model: query.model } : {}),
    };
    if (scope.version !== undefined && scope.template === undefined) throw new InvalidRequestError('`version` needs `template`', { version: scope.version });
    const em = this.em();
    if (scope.template !== undefined) await this.assertTemplateExists(em, scope.template, scope.version);
    // Day buckets are whole UTC days (resolveRange), so they read the daily rollups alone; hours
    // with no template in the scope, the hourly rollups of all templates together.
    const rollup: RollupName = range.bucket === 'day' ? 'day' : scope.template === undefined ? 'hourByTarget' : 'hour';
    const { source, params: sourceParams } = rollupsOf(rollup, range.from, range.to);
    const { where, params: scopeParams } = scopeFilter(scope);
    const params = [...sourceParams, ...scopeParams];
    const byVersion = scope.template !== undefined && scope.version === undefined;
    const [points, versions] = await Promise.all([
      em.execute<(RollupSums & { bucket: Date })[]>(`select bucket_start as bucket, ${SUMS_SQL} from ${source} r where ${where} group by 1`, params),
      byVersion
        ? em.execute<(RollupSums & { template_version: number })[]>(
            `select template_version, ${SUMS_SQL} from ${source} r where ${where} group by 1 order by 1 desc`,
            params,
          )
        : Promise.resolve(null),
    ]);
    const byStart = new Map(points.map((point) => [new Date(point.bucket).getTime(), toTotals(point)]));
    const totals = emptyTotals();
    const series = range.starts.map((start) => {
      const point: Totals = byStart.get(start.getTime()) ?? emptyTotals();
      addTotals(totals, point);
      return { bucket_start: start.toISOString(), ...toMetrics(point) };
    });
    return {
      scope: { template: scope.template ?? null, version: scope.version ?? null, provider: scope.provider ?? null, model: scope.model ?? null },
      bucket: range.bucket,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      totals: toMetrics(totals),
      series,
      versions: versions?.map((row) => ({ version: row.template_version, ...toMetrics(toTotals(row)) })) ?? null,
    };
  }

  /** Template names ranked by cost, or by failed executions (only those with failures), over the range. */
  async top(query: TopQuery, now?: Date): Promise<TopTemplates> {
    const range = resolveHours(query, now);
    const limit = query.limit ?? ANALYTICS_LIMITS.defaultTop;
    const { source, params: sourceParams } = rollupsCovering(range);
    const { where, params: scopeParams } = scopeFilter({
      ...(query.provider !== undefined ? { provider: query.provider } : {}),
      ...(query.model !== undefined ? { model: query.model } : {}),
    });
    const order = query.by === 'cost' ? 'sum(cost_usd) desc, sum(executions) desc' : 'sum(failed) desc, sum(executions) desc';
    const rows = await this.em().execute<{ template_name: string; executions: string; succeeded: string; failed: string; cost_usd: string }[]>(
      `select template_name, sum(executions) as executions, sum(succeeded) as succeeded, sum(failed) as failed, sum(cost_usd) as cost_usd
         from ${source} r
        where ${where} and template_name <> ''
        group by template_name ${query.by === 'failures' ? 'having sum(failed) > 0' : ''}
        order by ${order}, template_name
        limit ?`,
      [...sourceParams, ...scopeParams, limit],
    );
    return {
      by: query.by,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      items: rows.map((row) => {
        const succeeded = Number(row.succeeded);
        const failed = Number(row.failed);
        return {
          template_name: row.template_name,
          executions: Number(row.executions),
          succeeded,
          failed,
          success_rate: succeeded + failed === 0 ? null : succeeded / (succeeded + failed),
          cost_usd: Number(row.cost_usd),
        };
      }),
    };
  }

  /**
   * Folds the shards of past hours and days into one row per key (each rollup's `_compact()`
   * function, from migration 0012), each rollup in a transaction of its own; returns how many shard
   * rows it folded. For a worker to run every minute or so: views are exact without it, but read up
   * to 8 rows (the shards) per key and bucket.
   */
  async compactRollups(): Promise<number> {
    const connection = this.deps.orm.em.getConnection();
    let folded = 0;
    for (const table of Object.values(ROLLUP_TABLES)) {
      const [row] = await connection.execute<{ folded: number }[]>(`select ${table}_compact() as folded`);
      folded += row?.folded ?? 0;
    }
    return folded;
  }

  /** A misspelt name would chart zeros forever; say it does not exist instead. */
  private async assertTemplateExists(em: EntityManager, name: string, version: number | undefined): Promise<void> {
    const [found] = await em.execute<{ versions: number }[]>(
      `select count(*)::int as versions from prompt_templates where name = ? and (?::int is null or version_number = ?)`,
      [name, version ?? null, version ?? null],
    );
    if (!found || found.versions === 0) throw new PromptTemplateNotFoundError(version === undefined ? name : `${name}@${version}`);
  }
}
