import { Alert, type AlertKind } from '@promptops/db';
import { NotFoundError } from '@promptops/errors';
import type { AlertPage, AlertView } from '@promptops/validators';
import type { DomainDeps } from '../domain-deps';
import type { PageRequest } from '../pagination';

export interface AlertFilter extends PageRequest {
  kind?: AlertKind;
  acknowledged?: boolean;
  budget_id?: string;
  rule_id?: string;
}

export function toAlertView(row: Alert): AlertView {
  return {
    id: row.id,
    kind: row.kind,
    subject_id: row.subject_id,
    subject_name: row.subject_name,
    budget_id: row.budget ?? null,
    rule_id: row.rule ?? null,
    period_start: row.period_start.toISOString(),
    threshold: row.threshold,
    observed: row.observed,
    message: row.message,
    created_at: row.created_at.toISOString(),
    acknowledged_at: row.acknowledged_at?.toISOString() ?? null,
  };
}

export class AlertService {
  constructor(private readonly deps: DomainDeps) {}

  async list(filter: AlertFilter): Promise<AlertPage> {
    const em = this.deps.orm.em.fork();
    const where = {
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.acknowledged === undefined ? {} : { acknowledged_at: filter.acknowledged ? { $ne: null } : null }),
      ...(filter.budget_id ? { budget: filter.budget_id } : {}),
      ...(filter.rule_id ? { rule: filter.rule_id } : {}),
    };
    const [[rows, total], unacknowledged] = await Promise.all([
      em.findAndCount(Alert, where, { orderBy: { created_at: 'desc', id: 'desc' }, limit: filter.limit, offset: filter.offset }),
      em.fork().count(Alert, { acknowledged_at: null }),
    ]);
    return { items: rows.map(toAlertView), total, limit: filter.limit, offset: filter.offset, unacknowledged };
  }

  /** Unacknowledged alerts per kind, every kind present (0 when none), for the metrics gauge. */
  async unacknowledgedByKind(): Promise<Record<AlertKind, number>> {
    const rows = await this.deps.orm.em
      .fork()
      .getConnection()
      .execute<{ kind: AlertKind; count: string }[]>('select kind, count(*)::text as count from alerts where acknowledged_at is null group by kind');
    const counts: Record<AlertKind, number> = { budget: 0, failure_rate: 0, p95_latency_ms: 0 };
    for (const row of rows) counts[row.kind] = Number(row.count);
    return counts;
  }

  /** Acknowledging twice keeps the first time. */
  async acknowledge(id: string): Promise<AlertView> {
    const em = this.deps.orm.em.fork();
    const row = await em.findOne(Alert, { id });
    if (!row) throw new NotFoundError('alert', id);
    row.acknowledged_at ??= new Date();
    await em.flush();
    return toAlertView(row);
  }
}
