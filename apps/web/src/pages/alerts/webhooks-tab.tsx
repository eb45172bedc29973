import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, Plus, Send, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { api, type ResponseOf, unwrap } from '../../api/client';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Card } from '../../components/ui/card';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { CopyButton } from '../../components/ui/copy-button';
import { Dialog, DialogContent, DialogTrigger } from '../../components/ui/dialog';
import { EmptyState, ErrorAlert, Spinner } from '../../components/ui/feedback';
import { Input } from '../../components/ui/input';
import { Field } from '../../components/ui/label';
import { toast } from '../../components/ui/toast';
import { formatRelativeTime } from '../../lib/format';
import { type Delivery, deliveriesQuery, type Webhook, webhooksQuery } from './alerts-queries';

type CreatedWebhook = ResponseOf<'/v1/webhooks', 'post'>;

function CreateWebhookDialog() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/v1/webhooks', { body: { url: url.trim(), ...(description.trim() ? { description: description.trim() } : {}) } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksQuery.queryKey }),
  });
  function changeOpen(next: boolean) {
    setOpen(next);
    if (next) return;
    // The secret is forgotten as soon as the dialog closes.
    create.reset();
    setUrl('');
    setDescription('');
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }
  const created: CreatedWebhook | undefined = create.data;
  const selectSecret = () => (document.getElementById('webhook-secret') as HTMLInputElement | null)?.select();
  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">
          <Plus /> Add webhook
        </Button>
      </DialogTrigger>
      <DialogContent
        title={created ? 'Webhook added' : 'Add a webhook'}
        description={created ? undefined : 'Alerts are POSTed there as JSON, signed with HMAC-SHA256 (X-PromptOps-Signature).'}
        footer={
          created ? (
            <Button variant="primary" onClick={() => changeOpen(false)}>
              Done
            </Button>
          ) : (
            <>
              <Button onClick={() => changeOpen(false)}>Cancel</Button>
              <Button type="submit" form="webhook-form" variant="primary" disabled={create.isPending || !url.trim()}>
                {create.isPending ? 'Adding…' : 'Add webhook'}
              </Button>
            </>
          )
        }
      >
        {created ? (
          <div className="flex flex-col gap-3">
            <div role="alert" className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
              <AlertTriangle className="mt-0.5 size-4 shrink-0" />
              <p>
                Copy the signing secret now: <strong>it will not be shown again</strong>. The receiver needs it to check signatures.
              </p>
            </div>
            <Field label="Signing secret" htmlFor="webhook-secret">
              <div className="flex gap-2">
                <Input id="webhook-secret" readOnly value={created.secret} className="font-mono text-xs" onFocus={selectSecret} />
                <CopyButton value={created.secret} size="md" onFallback={selectSecret} />
              </div>
            </Field>
          </div>
        ) : (
          <form id="webhook-form" onSubmit={submit} className="flex flex-col gap-4">
            <Field label="URL" htmlFor="webhook-url" hint="https:// recommended; private and loopback addresses are refused unless the server allows them">
              <Input id="webhook-url" required type="url" value={url} onChange={(event) => setUrl(event.target.value)} />
            </Field>
            <Field label="Description" htmlFor="webhook-description">
              <Input id="webhook-description" maxLength={500} value={description} onChange={(event) => setDescription(event.target.value)} />
            </Field>
            {create.isError ? <ErrorAlert error={create.error} title="The webhook was not added" /> : null}
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

const outcomeTone = (outcome: Delivery['outcome']) => (outcome === 'delivered' ? 'success' : outcome === 'retrying' ? 'warning' : 'danger');

function Deliveries({ webhook }: { webhook: Webhook }) {
  const deliveries = useQuery(deliveriesQuery(webhook.id));
  if (deliveries.isPending) return <Spinner label="Loading deliveries…" />;
  if (deliveries.isError) return <ErrorAlert error={deliveries.error} title="Could not load the deliveries" />;
  if (deliveries.data.items.length === 0) return <p className="px-4 py-3 text-sm text-zinc-500">No deliveries yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label={`Deliveries to ${webhook.url}`}>
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="px-4 py-1.5 font-medium">When</th>
            <th className="px-2 py-1.5 font-medium">Event</th>
            <th className="px-2 py-1.5 font-medium">Try</th>
            <th className="px-2 py-1.5 font-medium">Outcome</th>
            <th className="px-2 py-1.5 font-medium">Status</th>
            <th className="px-2 py-1.5 font-medium">Time</th>
            <th className="px-2 py-1.5 font-medium">Answer or error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {deliveries.data.items.map((delivery) => (
            <tr key={delivery.id} data-testid="delivery-row">
              <td className="px-4 py-1.5 whitespace-nowrap text-zinc-600">{formatRelativeTime(delivery.created_at)}</td>
              <td className="px-2 py-1.5">{delivery.event}</td>
              <td className="px-2 py-1.5">{delivery.attempt}</td>
              <td className="px-2 py-1.5">
                <Badge tone={outcomeTone(delivery.outcome)}>{delivery.outcome}</Badge>
              </td>
              <td className="px-2 py-1.5 font-mono">{delivery.status_code ?? '—'}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">{delivery.duration_ms} ms</td>
              <td className="max-w-80 truncate px-2 py-1.5 font-mono text-xs text-zinc-600" title={delivery.error ?? delivery.response_excerpt ?? ''}>
                {delivery.error ?? delivery.response_excerpt ?? ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WebhookCard({ webhook, canWrite }: { webhook: Webhook; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  async function sendTest() {
    setBusy(true);
    try {
      const delivery = await unwrap(api.POST('/v1/webhooks/{id}/test', { params: { path: { id: webhook.id } } }));
      toast(
        delivery.outcome === 'delivered' ? `Test delivered (${delivery.status_code})` : `Test failed: ${delivery.error ?? delivery.status_code}`,
        delivery.outcome === 'delivered' ? undefined : 'error',
      );
      await queryClient.invalidateQueries({ queryKey: deliveriesQuery(webhook.id).queryKey });
    } catch (error) {
      toast(`Test failed: ${(error as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  }
  async function remove() {
    await unwrap(api.DELETE('/v1/webhooks/{id}', { params: { path: { id: webhook.id } } }));
    await queryClient.invalidateQueries({ queryKey: webhooksQuery.queryKey });
  }
  return (
    <Card data-testid="webhook-card">
      <div className="flex items-start justify-between gap-4 border-b border-zinc-100 px-4 py-3">
        <div className="min-w-0">
          <div className="flex items-center gap-2">
            <code className="truncate font-mono text-sm text-zinc-900">{webhook.url}</code>
            {webhook.enabled ? <Badge tone="success">enabled</Badge> : <Badge>disabled</Badge>}
          </div>
          {webhook.description ? <p className="text-xs text-zinc-500">{webhook.description}</p> : null}
        </div>
        {canWrite ? (
          <div className="flex shrink-0 gap-1">
            <Button size="sm" onClick={sendTest} disabled={busy}>
              <Send /> Send test
            </Button>
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50" aria-label={`Delete ${webhook.url}`}>
                  <Trash2 /> Delete
                </Button>
              }
              title="Delete this webhook?"
              description="Alerts stop going there, and its delivery log is deleted with it."
              confirmLabel="Delete webhook"
              onConfirm={remove}
            />
          </div>
        ) : null}
      </div>
      <Deliveries webhook={webhook} />
    </Card>
  );
}

export function WebhooksTab({ canWrite }: { canWrite: boolean }) {
  const webhooks = useQuery(webhooksQuery);
  if (webhooks.isPending) return <Spinner label="Loading webhooks…" />;
  if (webhooks.isError) return <ErrorAlert error={webhooks.error} title="Could not load the webhooks" />;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">{canWrite ? <CreateWebhookDialog /> : null}</div>
      {webhooks.data.items.length === 0 ? (
        <EmptyState title="No webhooks yet">Add one to receive every new alert as a signed JSON POST.</EmptyState>
      ) : (
        webhooks.data.items.map((webhook) => <WebhookCard key={webhook.id} webhook={webhook} canWrite={canWrite} />)
      )}
    </div>
  );
}
