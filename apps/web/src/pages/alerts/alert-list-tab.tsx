import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Check } from 'lucide-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { toast } from '../../components/ui/toast';
import { formatDateTime, formatRelativeTime } from '../../lib/format';
import { type Alert, alertsQuery } from './alerts-queries';

const KIND_LABELS: Record<Alert['kind'], string> = { budget: 'Budget', failure_rate: 'Failure rate', p95_latency_ms: 'p95 latency' };

function AlertRow({ alert, canAcknowledge }: { alert: Alert; canAcknowledge: boolean }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  async function acknowledge() {
    setBusy(true);
    try {
      await unwrap(api.POST('/v1/alerts/{id}/acknowledge', { params: { path: { id: alert.id } } }));
      await queryClient.invalidateQueries({ queryKey: ['alerts'] });
    } catch (error) {
      toast(`Could not acknowledge: ${(error as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="flex items-start justify-between gap-4 px-4 py-3" data-testid="alert-row">
      <div className="min-w-0">
        <div className="flex items-center gap-2">
          <Badge tone={alert.acknowledged_at ? 'neutral' : alert.kind === 'budget' ? 'warning' : 'danger'}>{KIND_LABELS[alert.kind]}</Badge>
          <span className="font-medium text-zinc-900">{alert.subject_name}</span>
          <span className="text-xs text-zinc-500" title={formatDateTime(alert.created_at)}>
            {formatRelativeTime(alert.created_at)}
          </span>
        </div>
        <p className="mt-1 text-sm text-zinc-700">{alert.message}</p>
      </div>
      {alert.acknowledged_at ? (
        <span className="shrink-0 text-xs text-zinc-500">Acknowledged {formatRelativeTime(alert.acknowledged_at)}</span>
      ) : canAcknowledge ? (
        <Button size="sm" onClick={acknowledge} disabled={busy}>
          <Check /> Acknowledge
        </Button>
      ) : null}
    </li>
  );
}

export function AlertListTab({ canAcknowledge }: { canAcknowledge: boolean }) {
  const [onlyOpen, setOnlyOpen] = useState(false);
  const alerts = useQuery(alertsQuery(onlyOpen));
  return (
    <div className="flex flex-col gap-4">
      <label className="flex items-center gap-2 self-end text-sm text-zinc-700">
        <input type="checkbox" className="size-4 accent-brand-600" checked={onlyOpen} onChange={(event) => setOnlyOpen(event.target.checked)} />
        Only unacknowledged
      </label>
      {alerts.isPending ? (
        <Spinner label="Loading alerts…" />
      ) : alerts.isError ? (
        <ErrorAlert error={alerts.error} title="Could not load the alerts" />
      ) : alerts.data.items.length === 0 ? (
        <EmptyState title={onlyOpen ? 'Nothing to acknowledge' : 'No alerts yet'}>
          Alerts appear here when a budget crosses a threshold or an alert rule fires.
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-zinc-100" aria-label="Alerts">
            {alerts.data.items.map((alert) => (
              <AlertRow key={alert.id} alert={alert} canAcknowledge={canAcknowledge} />
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
