import type { EntityManager } from '@mikro-orm/postgresql';
import { Budget } from '@promptops/db';
import { InvalidRequestError, NotFoundError, PromptConflictError } from '@promptops/errors';
import type { BudgetInput, BudgetView, Deleted } from '@promptops/validators';
import type { DomainDeps } from '../domain-deps';
import { scopeColumns, scopeOf } from './alert-scope';
import { BudgetGuard } from './budget-guard';
import { currentSpend } from './budget-spend';

const DEFAULT_THRESHOLDS = [50, 80, 100];

function cleanThresholds(thresholds: number[] | undefined): number[] {
  const unique = [...new Set(thresholds ?? DEFAULT_THRESHOLDS)].sort((a, b) => a - b);
  if (unique.length === 0) throw new InvalidRequestError('A budget needs at least one threshold', { thresholds });
  return unique;
}

export class BudgetService {
  /** The submission check; every process has one, shared by executions, runs and generation. */
  readonly guard: BudgetGuard;

  constructor(private readonly deps: DomainDeps) {
    this.guard = new BudgetGuard(() => deps.orm.em.fork());
  }

  private fork(): EntityManager {
    return this.deps.orm.em.fork();
  }

  private async view(em: EntityManager, row: Budget, now = new Date()): Promise<BudgetView> {
    const { period, spent } = await currentSpend(em, row, now);
    return {
      id: row.id,
      name: row.name,
      scope: scopeOf(row),
      period: row.period,
      metric: row.metric,
      amount: row.amount,
      thresholds: row.thresholds,
      hard_limit: row.hard_limit,
      created_at: row.created_at.toISOString(),
      updated_at: row.updated_at.toISOString(),
      current: { period_start: period.start.toISOString(), period_end: period.end.toISOString(), spent, ratio: spent / row.amount },
    };
  }

  private async find(em: EntityManager, id: string): Promise<Budget> {
    const row = await em.findOne(Budget, { id });
    if (!row) throw new NotFoundError('budget', id);
    return row;
  }

  private async assertNameFree(em: EntityManager, name: string, except?: string): Promise<void> {
    const clash = await em.findOne(Budget, { name, ...(except ? { id: { $ne: except } } : {}) });
    if (clash) throw new PromptConflictError(`A budget named "${name}" already exists`, { name, id: clash.id });
  }

  async list(): Promise<BudgetView[]> {
    const em = this.fork();
    const rows = await em.find(Budget, {}, { orderBy: { name: 'asc' } });
    return Promise.all(rows.map((row) => this.view(em, row)));
  }

  async get(id: string): Promise<BudgetView> {
    const em = this.fork();
    return this.view(em, await this.find(em, id));
  }

  async create(input: BudgetInput): Promise<BudgetView> {
    const em = this.fork();
    await this.assertNameFree(em, input.name);
    const row = em.create(Budget, {
      name: input.name,
      ...scopeColumns(input.scope),
      period: input.period,
      metric: input.metric,
      amount: input.amount,
      thresholds: cleanThresholds(input.thresholds),
      hard_limit: input.hard_limit ?? false,
    });
    await em.flush();
    this.guard.forget();
    return this.view(em, row);
  }

  async update(id: string, changes: Partial<BudgetInput>): Promise<BudgetView> {
    const em = this.fork();
    const row = await this.find(em, id);
    if (changes.name !== undefined && changes.name !== row.name) await this.assertNameFree(em, changes.name, id);
    em.assign(row, {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.scope !== undefined ? scopeColumns(changes.scope) : {}),
      ...(changes.period !== undefined ? { period: changes.period } : {}),
      ...(changes.metric !== undefined ? { metric: changes.metric } : {}),
      ...(changes.amount !== undefined ? { amount: changes.amount } : {}),
      ...(changes.thresholds !== undefined ? { thresholds: cleanThresholds(changes.thresholds) } : {}),
      ...(changes.hard_limit !== undefined ? { hard_limit: changes.hard_limit } : {}),
    });
    await em.flush();
    // A raised or lifted limit admits submissions at once in this process.
    this.guard.forget();
    return this.view(em, row);
  }

  async delete(id: string): Promise<Deleted> {
    const em = this.fork();
    await em.removeAndFlush(await this.find(em, id));
    this.guard.forget();
    return { id, deleted: true };
  }
}
