import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Pause, Play, Plus, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Dialog, DialogContent, DialogTrigger } from '../../components/ui/dialog';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Input, Select } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { toast } from '../../components/ui/toast';
import { type AlertRule, alertRulesQuery, scopeLabel } from './alerts-queries';

const describe = (rule: AlertRule) =>
  rule.metric === 'failure_rate' ? `more than ${(rule.threshold * 100).toFixed(1)}% failed` : `p95 latency above ${rule.threshold} ms`;

function CreateRuleDialog() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    name: '',
    metric: 'failure_rate' as AlertRule['metric'],
    scopeKind: 'global' as AlertRule['scope']['kind'],
    scopeValue: '',
    window: '15',
    threshold: '20',
    minimum: '10',
  });
  const set = (key: keyof typeof form, value: string) => setForm((current) => ({ ...current, [key]: value }));
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/v1/alert-rules', {
          body: {
            name: form.name.trim(),
            metric: form.metric,
            scope: form.scopeKind === 'global' ? { kind: 'global' } : { kind: form.scopeKind, value: form.scopeValue.trim() },
            window_minutes: Number(form.window),
            threshold: form.metric === 'failure_rate' ? Number(form.threshold) / 100 : Number(form.threshold),
            min_executions: Number(form.minimum),
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: alertRulesQuery.queryKey });
      setOpen(false);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">
          <Plus /> New rule
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Create an alert rule"
        description="Judged on the executions that finished within the window; fires at most once per window."
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" form="rule-form" variant="primary" disabled={create.isPending || !form.name.trim()}>
              Create rule
            </Button>
          </>
        }
      >
        <form id="rule-form" onSubmit={submit} className="grid grid-cols-2 gap-4">
          <Field label="Name" htmlFor="rule-name" className="col-span-2">
            <Input id="rule-name" required maxLength={100} value={form.name} onChange={(event) => set('name', event.target.value)} />
          </Field>
          <Field label="Watch" htmlFor="rule-metric">
            <Select id="rule-metric" value={form.metric} onChange={(event) => set('metric', event.target.value)}>
              <option value="failure_rate">Failure rate</option>
              <option value="p95_latency_ms">p95 latency</option>
            </Select>
          </Field>
          <Field label={form.metric === 'failure_rate' ? 'Above (%)' : 'Above (ms)'} htmlFor="rule-threshold">
            <Input id="rule-threshold" inputMode="decimal" value={form.threshold} onChange={(event) => set('threshold', event.target.value)} />
          </Field>
          <Field label="Scope" htmlFor="rule-scope">
            <Select id="rule-scope" value={form.scopeKind} onChange={(event) => set('scopeKind', event.target.value)}>
              <option value="global">All executions</option>
              <option value="template">One template</option>
              <option value="provider">One provider</option>
            </Select>
          </Field>
          <Field label="Template or provider" htmlFor="rule-scope-value">
            <Input
              id="rule-scope-value"
              disabled={form.scopeKind === 'global'}
              value={form.scopeValue}
              onChange={(event) => set('scopeValue', event.target.value)}
            />
          </Field>
          <Field label="Window (minutes)" htmlFor="rule-window">
            <Input id="rule-window" inputMode="numeric" value={form.window} onChange={(event) => set('window', event.target.value)} />
          </Field>
          <Field label="Minimum executions" htmlFor="rule-minimum">
            <Input id="rule-minimum" inputMode="numeric" value={form.minimum} onChange={(event) => set('minimum', event.target.value)} />
          </Field>
          {create.isError ? (
            <div className="col-span-2">
              <ErrorAlert error={create.error} title="The rule was not created" />
            </div>
          ) : null}
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function RulesTab({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const rules = useQuery(alertRulesQuery);
  async function remove(rule: AlertRule) {
    await unwrap(api.DELETE('/v1/alert-rules/{id}', { params: { path: { id: rule.id } } }));
    await queryClient.invalidateQueries({ queryKey: alertRulesQuery.queryKey });
  }
  async function setEnabled(rule: AlertRule, enabled: boolean) {
    try {
      await unwrap(api.PATCH('/v1/alert-rules/{id}', { params: { path: { id: rule.id } }, body: { enabled } }));
      await queryClient.invalidateQueries({ queryKey: alertRulesQuery.queryKey });
    } catch (error) {
      toast(`Could not ${enabled ? 'resume' : 'pause'} ${rule.name}: ${(error as Error).message}`, 'error');
    }
  }
  if (rules.isPending) return <Spinner label="Loading rules…" />;
  if (rules.isError) return <ErrorAlert error={rules.error} title="Could not load the alert rules" />;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">{canWrite ? <CreateRuleDialog /> : null}</div>
      {rules.data.items.length === 0 ? (
        <EmptyState title="No alert rules yet">A rule fires when the failure rate or the p95 latency over a window crosses its threshold.</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-zinc-100" aria-label="Alert rules">
            {rules.data.items.map((rule) => (
              <li key={rule.id} className="flex items-center justify-between gap-4 px-4 py-3">
                <div>
                  <div className="flex items-center gap-2">
                    <span className="font-medium text-zinc-900">{rule.name}</span>
                    {rule.enabled ? null : <Badge>paused</Badge>}
                  </div>
                  <p className="text-sm text-zinc-600">
                    {scopeLabel(rule.scope)}: {describe(rule)} over {rule.window_minutes} min (at least {rule.min_executions} executions), at most once per{' '}
                    {rule.cooldown_minutes} min
                  </p>
                </div>
                {canWrite ? (
                  <div className="flex shrink-0 gap-1">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setEnabled(rule, !rule.enabled)}
                      aria-label={`${rule.enabled ? 'Pause' : 'Resume'} ${rule.name}`}
                    >
                      {rule.enabled ? <Pause /> : <Play />} {rule.enabled ? 'Pause' : 'Resume'}
                    </Button>
                    <ConfirmDialog
                      trigger={
                        <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50" aria-label={`Delete ${rule.name}`}>
                          <Trash2 /> Delete
                        </Button>
                      }
                      title={`Delete alert rule "${rule.name}"?`}
                      description="Its alerts stay in the list."
                      confirmLabel="Delete rule"
                      onConfirm={() => remove(rule)}
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
