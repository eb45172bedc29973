import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Button } from '../../components/ui/button';
import { Dialog, DialogContent, DialogTrigger } from '../../components/ui/dialog';
import { ErrorAlert } from '../../components/ui/feedback';
import { Input, Select } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { toast } from '../../components/ui/toast';
import { type Budget, budgetsQuery } from './alerts-queries';

interface Draft {
  name: string;
  scopeKind: Budget['scope']['kind'];
  scopeValue: string;
  period: Budget['period'];
  metric: Budget['metric'];
  amount: string;
  thresholds: string;
  hardLimit: boolean;
}

const draftOf = (budget?: Budget): Draft => ({
  name: budget?.name ?? '',
  scopeKind: budget?.scope.kind ?? 'global',
  scopeValue: budget?.scope.value ?? '',
  period: budget?.period ?? 'month',
  metric: budget?.metric ?? 'usd',
  amount: budget ? String(budget.amount) : '',
  thresholds: (budget?.thresholds ?? [50, 80, 100]).join(', '),
  hardLimit: budget?.hard_limit ?? false,
});

function bodyOf(draft: Draft) {
  return {
    name: draft.name.trim(),
    scope: draft.scopeKind === 'global' ? { kind: 'global' as const } : { kind: draft.scopeKind, value: draft.scopeValue.trim() },
    period: draft.period,
    metric: draft.metric,
    amount: Number(draft.amount),
    thresholds: draft.thresholds
      .split(',')
      .map((part) => Number(part.trim().replace(/%$/, '')))
      .filter((n) => n > 0),
    hard_limit: draft.hardLimit,
  };
}

/** Creates a budget, or edits `budget` when given. */
export function BudgetDialog({ budget, trigger }: { budget?: Budget; trigger: ReactNode }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(budget));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: () =>
      budget
        ? unwrap(api.PATCH('/v1/budgets/{id}', { params: { path: { id: budget.id } }, body: bodyOf(draft) }))
        : unwrap(api.POST('/v1/budgets', { body: bodyOf(draft) })),
    onSuccess: async (saved) => {
      toast(budget ? `Saved ${saved.name}` : `Created budget ${saved.name}`);
      await queryClient.invalidateQueries({ queryKey: budgetsQuery.queryKey });
      setOpen(false);
    },
  });
  function changeOpen(next: boolean) {
    setOpen(next);
    if (next) {
      setDraft(draftOf(budget));
      save.reset();
    }
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }
  const formId = budget ? `budget-form-${budget.id}` : 'budget-form-new';
  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent
        title={budget ? `Edit budget "${budget.name}"` : 'Create a budget'}
        description="Alerts fire once per threshold and period; a hard limit also refuses new submissions in its scope once 100 % is spent."
        footer={
          <>
            <Button onClick={() => changeOpen(false)}>Cancel</Button>
            <Button type="submit" form={formId} variant="primary" disabled={save.isPending || !draft.name.trim() || !(Number(draft.amount) > 0)}>
              {save.isPending ? 'Saving…' : budget ? 'Save budget' : 'Create budget'}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={submit} className="grid grid-cols-2 gap-4">
          <Field label="Name" htmlFor={`${formId}-name`} className="col-span-2">
            <Input id={`${formId}-name`} required maxLength={100} value={draft.name} onChange={(event) => set('name', event.target.value)} />
          </Field>
          <Field label="Scope" htmlFor={`${formId}-scope`}>
            <Select id={`${formId}-scope`} value={draft.scopeKind} onChange={(event) => set('scopeKind', event.target.value as Draft['scopeKind'])}>
              <option value="global">All executions</option>
              <option value="template">One template</option>
              <option value="provider">One provider</option>
            </Select>
          </Field>
          <Field label={draft.scopeKind === 'provider' ? 'Provider' : 'Template name'} htmlFor={`${formId}-scope-value`}>
            <Input
              id={`${formId}-scope-value`}
              disabled={draft.scopeKind === 'global'}
              value={draft.scopeValue}
              onChange={(event) => set('scopeValue', event.target.value)}
            />
          </Field>
          <Field label="Period (UTC)" htmlFor={`${formId}-period`}>
            <Select id={`${formId}-period`} value={draft.period} onChange={(event) => set('period', event.target.value as Draft['period'])}>
              <option value="month">Month</option>
              <option value="day">Day</option>
            </Select>
          </Field>
          <Field label="Measured in" htmlFor={`${formId}-metric`}>
            <Select id={`${formId}-metric`} value={draft.metric} onChange={(event) => set('metric', event.target.value as Draft['metric'])}>
              <option value="usd">USD</option>
              <option value="tokens">Tokens</option>
            </Select>
          </Field>
          <Field label="Amount" htmlFor={`${formId}-amount`}>
            <Input id={`${formId}-amount`} required inputMode="decimal" value={draft.amount} onChange={(event) => set('amount', event.target.value)} />
          </Field>
          <Field label="Thresholds (%)" htmlFor={`${formId}-thresholds`} hint="Comma-separated, e.g. 50, 80, 100">
            <Input id={`${formId}-thresholds`} value={draft.thresholds} onChange={(event) => set('thresholds', event.target.value)} />
          </Field>
          <label className="col-span-2 flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4 accent-brand-600" checked={draft.hardLimit} onChange={(event) => set('hardLimit', event.target.checked)} />
            Hard limit: refuse new submissions in scope (429) once spent
          </label>
          {save.isError ? (
            <div className="col-span-2">
              <ErrorAlert error={save.error} title="The budget was not saved" />
            </div>
          ) : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}
