import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { toast } from '../../components/ui/toast';
import { type Budget, budgetsQuery, formatBudgetAmount, scopeLabel } from './alerts-queries';
import { BudgetDialog } from './budget-dialog';

/** A period boundary is a UTC midnight: shown as that UTC date, not as a local time. */
const formatUtcDate = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** Spend against the amount, with a tick at each threshold; the bar's scale reaches past 100 % when a threshold does. */
function SpendBar({ budget }: { budget: Budget }) {
  const scale = Math.max(100, ...budget.thresholds);
  const percent = budget.current.ratio * 100;
  const tone = percent >= 100 ? 'bg-red-500' : percent >= Math.min(...budget.thresholds) ? 'bg-amber-500' : 'bg-brand-500';
  return (
    <div
      className="relative mt-6 h-3 rounded-full bg-zinc-100"
      role="progressbar"
      aria-label={`${budget.name} spend`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent)}
    >
      <div className={`h-3 rounded-full ${tone}`} style={{ width: `${Math.min(100, (percent / scale) * 100)}%` }} />
      {budget.thresholds.map((threshold) => (
        <div key={threshold} className="absolute -top-5 flex -translate-x-1/2 flex-col items-center" style={{ left: `${(threshold / scale) * 100}%` }}>
          <span className="text-[10px] text-zinc-500">{threshold}%</span>
          <span className={`h-5 w-px ${percent >= threshold ? 'bg-zinc-700' : 'bg-zinc-400'}`} />
        </div>
      ))}
    </div>
  );
}

function BudgetCard({ budget, canWrite }: { budget: Budget; canWrite: boolean }) {
  const queryClient = useQueryClient();
  async function remove() {
    await unwrap(api.DELETE('/v1/budgets/{id}', { params: { path: { id: budget.id } } }));
    toast(`Deleted budget ${budget.name}`);
    await queryClient.invalidateQueries({ queryKey: budgetsQuery.queryKey });
  }
  return (
    <Card className="p-4" data-testid="budget-card">
      <div className="flex items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-2">
            <h3 className="font-medium text-zinc-900">{budget.name}</h3>
            {budget.hard_limit ? <Badge tone="danger">hard limit</Badge> : null}
            <Badge>{budget.period === 'month' ? 'monthly' : 'daily'}</Badge>
          </div>
          <p className="mt-0.5 text-xs text-zinc-500">
            {scopeLabel(budget.scope)} · resets {formatUtcDate(budget.current.period_end)} (UTC)
          </p>
        </div>
        {canWrite ? (
          <div className="flex gap-1">
            <BudgetDialog
              budget={budget}
              trigger={
                <Button size="sm" variant="ghost" aria-label={`Edit ${budget.name}`}>
                  <Pencil /> Edit
                </Button>
              }
            />
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50" aria-label={`Delete ${budget.name}`}>
                  <Trash2 /> Delete
                </Button>
              }
              title={`Delete budget "${budget.name}"?`}
              description="Its alerts stay in the list; no new ones fire and its hard limit, if any, is lifted."
              confirmLabel="Delete budget"
              onConfirm={remove}
            />
          </div>
        ) : null}
      </div>
      <SpendBar budget={budget} />
      <p className="mt-2 text-sm text-zinc-700">
        <span className="font-medium">{formatBudgetAmount(budget.metric, budget.current.spent)}</span> of {formatBudgetAmount(budget.metric, budget.amount)} ·{' '}
        {(budget.current.ratio * 100).toFixed(1)}%
      </p>
    </Card>
  );
}

export function BudgetsTab({ canWrite }: { canWrite: boolean }) {
  const budgets = useQuery(budgetsQuery);
  const create = canWrite ? (
    <BudgetDialog
      trigger={
        <Button variant="primary">
          <Plus /> New budget
        </Button>
      }
    />
  ) : null;
  if (budgets.isPending) return <Spinner label="Loading budgets…" />;
  if (budgets.isError) return <ErrorAlert error={budgets.error} title="Could not load the budgets" />;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">{create}</div>
      {budgets.data.items.length === 0 ? (
        <EmptyState title="No budgets yet">A budget watches the spend of a template, a provider or everything, per UTC day or month.</EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {budgets.data.items.map((budget) => (
            <BudgetCard key={budget.id} budget={budget} canWrite={canWrite} />
          ))}
        </div>
      )}
    </div>
  );
}
