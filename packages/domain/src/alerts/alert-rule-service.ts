import type { EntityManager } from '@mikro-orm/postgresql';
import { AlertRule, type AlertRuleMetric } from '@promptops/db';
import { InvalidRequestError, NotFoundError, PromptConflictError } from '@promptops/errors';
import type { AlertRuleInput, AlertRuleView, Deleted } from '@promptops/validators';
import type { DomainDeps } from '../domain-deps';
import { scopeColumns, scopeOf } from './alert-scope';

function toView(row: AlertRule): AlertRuleView {
  return {
    id: row.id,
    name: row.name,
    metric: row.metric,
    scope: scopeOf(row),
    window_minutes: row.window_minutes,
    threshold: row.threshold,
    min_executions: row.min_executions,
    cooldown_minutes: row.cooldown_minutes,
    enabled: row.enabled,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

function assertThresholdFits(metric: AlertRuleMetric, threshold: number): void {
  if (metric === 'failure_rate' && threshold > 1) {
    throw new InvalidRequestError('A failure_rate threshold is a fraction from 0 to 1 (0.2 = 20 %)', { path: 'threshold', threshold });
  }
}

export class AlertRuleService {
  constructor(private readonly deps: DomainDeps) {}

  private async find(em: EntityManager, id: string): Promise<AlertRule> {
    const row = await em.findOne(AlertRule, { id });
    if (!row) throw new NotFoundError('alert_rule', id);
    return row;
  }

  private async assertNameFree(em: EntityManager, name: string, except?: string): Promise<void> {
    const clash = await em.findOne(AlertRule, { name, ...(except ? { id: { $ne: except } } : {}) });
    if (clash) throw new PromptConflictError(`An alert rule named "${name}" already exists`, { name, id: clash.id });
  }

  async list(): Promise<AlertRuleView[]> {
    return (await this.deps.orm.em.fork().find(AlertRule, {}, { orderBy: { name: 'asc' } })).map(toView);
  }

  async get(id: string): Promise<AlertRuleView> {
    return toView(await this.find(this.deps.orm.em.fork(), id));
  }

  async create(input: AlertRuleInput): Promise<AlertRuleView> {
    assertThresholdFits(input.metric, input.threshold);
    const em = this.deps.orm.em.fork();
    await this.assertNameFree(em, input.name);
    const row = em.create(AlertRule, {
      name: input.name,
      metric: input.metric,
      ...scopeColumns(input.scope),
      window_minutes: input.window_minutes,
      threshold: input.threshold,
      min_executions: input.min_executions ?? 10,
      // By default a rule that keeps failing speaks once per window, not at every evaluation.
      cooldown_minutes: input.cooldown_minutes ?? input.window_minutes,
      enabled: input.enabled ?? true,
    });
    await em.flush();
    return toView(row);
  }

  async update(id: string, changes: Partial<AlertRuleInput>): Promise<AlertRuleView> {
    const em = this.deps.orm.em.fork();
    const row = await this.find(em, id);
    if (changes.name !== undefined && changes.name !== row.name) await this.assertNameFree(em, changes.name, id);
    assertThresholdFits(changes.metric ?? row.metric, changes.threshold ?? row.threshold);
    const { scope, ...rest } = changes;
    em.assign(row, { ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)), ...(scope ? scopeColumns(scope) : {}) });
    await em.flush();
    return toView(row);
  }

  async delete(id: string): Promise<Deleted> {
    const em = this.deps.orm.em.fork();
    await em.removeAndFlush(await this.find(em, id));
    return { id, deleted: true };
  }
}
