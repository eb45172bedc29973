import type { EntityManager } from '@mikro-orm/postgresql';
import { AlertRule, Budget, type AlertKind } from '@promptops/db';
import { enqueueWebhookDelivery } from '@promptops/queue';
import type { DomainDeps } from '../domain-deps';
import { describeScope } from './alert-scope';
import { formatAmount } from './budget-guard';
import { currentSpend } from './budget-spend';
import { observeRule } from './rule-observation';

interface Crossing {
  kind: AlertKind;
  subjectId: string;
  subjectName: string;
  budgetId: string | null;
  ruleId: string | null;
  periodStart: Date;
  threshold: number;
  observed: number;
  message: string;
}

export interface EvaluationReport {
  /** Alerts this evaluation inserted (a racing evaluator that lost inserts none). */
  fired: string[];
  /** Delivery jobs enqueued (new alerts, and older ones whose jobs were never enqueued). */
  enqueued: number;
}

/** Alerts of the last day whose deliveries never started get their jobs again after this long. */
const REQUEUE_AFTER_MS = 30_000;

/**
 * Compares budgets' spend with their thresholds and rules' observations with theirs, and records
 * each crossing as an alert. Any number of evaluators (every worker process runs one) may race:
 * the insert is ON CONFLICT DO NOTHING on (subject, period, threshold), so exactly one of them gets
 * the row back, and only that one enqueues its deliveries.
 */
export class AlertEvaluator {
  constructor(private readonly deps: DomainDeps) {}

  private async budgetCrossings(em: EntityManager, now: Date): Promise<Crossing[]> {
    const crossings: Crossing[] = [];
    for (const budget of await em.find(Budget, {})) {
      const { period, spent } = await currentSpend(em, budget, now);
      const percent = (spent / budget.amount) * 100;
      for (const threshold of budget.thresholds.filter((t) => percent >= t)) {
        crossings.push({
          kind: 'budget',
          subjectId: budget.id,
          subjectName: budget.name,
          budgetId: budget.id,
          ruleId: null,
          periodStart: period.start,
          threshold,
          observed: spent,
          message: `Budget "${budget.name}" (${describeScope(budget)}) reached ${threshold}% of its ${budget.period === 'day' ? 'daily' : 'monthly'} ${formatAmount(budget.metric, budget.amount)}: ${formatAmount(budget.metric, spent)} spent (${percent.toFixed(1)}%)`,
        });
      }
    }
    return crossings;
  }

  private async ruleCrossings(em: EntityManager, now: Date): Promise<Crossing[]> {
    const crossings: Crossing[] = [];
    for (const rule of await em.find(AlertRule, { enabled: true })) {
      const seen = await observeRule(em, rule, now);
      const observed = rule.metric === 'failure_rate' ? seen.failureRate : seen.p95LatencyMs;
      if (seen.executions < rule.min_executions || observed === null || observed <= rule.threshold) continue;
      // One alert per cool-down slot (aligned on the epoch): racing evaluators share the slot's key.
      const slotMs = rule.cooldown_minutes * 60_000;
      const shown = rule.metric === 'failure_rate' ? `${(observed * 100).toFixed(1)}% failed` : `p95 latency ${Math.round(observed)} ms`;
      const limit = rule.metric === 'failure_rate' ? `${(rule.threshold * 100).toFixed(1)}%` : `${rule.threshold} ms`;
      crossings.push({
        kind: rule.metric,
        subjectId: rule.id,
        subjectName: rule.name,
        budgetId: null,
        ruleId: rule.id,
        periodStart: new Date(Math.floor(now.getTime() / slotMs) * slotMs),
        threshold: rule.threshold,
        observed,
        message: `Alert rule "${rule.name}" (${describeScope(rule)}): ${shown} over the last ${rule.window_minutes} min (${seen.executions} executions), above ${limit}`,
      });
    }
    return crossings;
  }

  private async insert(em: EntityManager, crossing: Crossing): Promise<string | undefined> {
    const rows = await em.getConnection().execute<{ id: string }[]>(
      `insert into alerts (id, kind, subject_id, subject_name, budget_id, rule_id, period_start, threshold, observed, message, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
       on conflict (subject_id, period_start, threshold) do nothing returning id`,
      [
        crypto.randomUUID(),
        crossing.kind,
        crossing.subjectId,
        crossing.subjectName,
        crossing.budgetId,
        crossing.ruleId,
        crossing.periodStart,
        crossing.threshold,
        crossing.observed,
        crossing.message,
      ],
    );
    return rows[0]?.id;
  }

  /** (alert, webhook) pairs of the last day with no delivery attempt yet: new alerts, and jobs Redis lost. */
  private async pendingDeliveries(em: EntityManager, alertIds: string[] | 'stale'): Promise<{ alert_id: string; webhook_id: string }[]> {
    const which = alertIds === 'stale' ? `a.created_at > now() - interval '1 day' and a.created_at < ?` : 'a.id = any(?::uuid[])';
    return em.getConnection().execute(
      `select a.id as alert_id, w.id as webhook_id from alerts a join webhooks w on w.enabled and w.created_at <= a.created_at
        where ${which} and not exists (select 1 from webhook_deliveries d where d.alert_id = a.id and d.webhook_id = w.id)`,
      // The id list travels as one PostgreSQL array literal, so knex does not expand it.
      [alertIds === 'stale' ? new Date(Date.now() - REQUEUE_AFTER_MS) : `{${alertIds.join(',')}}`],
    );
  }

  async evaluateOnce(now = new Date()): Promise<EvaluationReport> {
    const em = this.deps.orm.em.fork();
    const crossings = [...(await this.budgetCrossings(em, now)), ...(await this.ruleCrossings(em, now))];
    const fired: string[] = [];
    for (const crossing of crossings) {
      const id = await this.insert(em, crossing);
      if (!id) continue;
      fired.push(id);
      this.deps.telemetry.alertFired(crossing.kind);
      this.deps.logger.warn({ alert_id: id, kind: crossing.kind, subject: crossing.subjectName, threshold: crossing.threshold }, crossing.message);
    }
    const pending = [...(fired.length > 0 ? await this.pendingDeliveries(em, fired) : []), ...(await this.pendingDeliveries(em, 'stale'))];
    for (const job of pending) await enqueueWebhookDelivery(this.deps.queues.webhooks, job);
    return { fired, enqueued: pending.length };
  }
}
