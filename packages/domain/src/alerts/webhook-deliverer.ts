import type { EntityManager } from '@mikro-orm/postgresql';
import { Alert, type DeliveryOutcome, Webhook, WebhookDelivery } from '@promptops/db';
import type { DeliveryView } from '@promptops/validators';
import type { DomainDeps } from '../domain-deps';
import { toAlertView } from './alert-service';
import { isRetryable, postJson, type PostResult } from './webhook-post';
import { decryptSecret } from './webhook-secrets';
import { signatureHeaders } from './webhook-signature';
import { checkWebhookTarget } from './webhook-targets';

export function toDeliveryView(row: WebhookDelivery): DeliveryView {
  return {
    id: row.id,
    webhook_id: row.webhook,
    alert_id: row.alert ?? null,
    event: row.event,
    attempt: row.attempt,
    outcome: row.outcome,
    status_code: row.status_code ?? null,
    response_excerpt: row.response_excerpt ?? null,
    error: row.error ?? null,
    duration_ms: row.duration_ms,
    created_at: row.created_at.toISOString(),
  };
}

/** What the queue should do next: nothing (delivered, or nothing to deliver to), retry, or give up. */
export type DeliveryStep = 'delivered' | 'skipped' | 'retry' | 'failed';

/**
 * One signed POST to a webhook, checked against the target policy at delivery time too (the host
 * may resolve elsewhere since creation), every attempt logged in webhook_deliveries with its answer.
 */
export class WebhookDeliverer {
  constructor(private readonly deps: DomainDeps) {}

  /** The encrypted secret, a lazy column read only when signing. */
  private async storedSecret(em: EntityManager, id: string): Promise<string> {
    const rows = await em.getConnection().execute<{ secret_ciphertext: string }[]>('select secret_ciphertext from webhooks where id = ?', [id]);
    const stored = rows[0]?.secret_ciphertext;
    if (!stored) throw new Error('The webhook no longer exists');
    return stored;
  }

  private async attempt(
    em: EntityManager,
    webhook: Webhook,
    body: string,
    base: Pick<WebhookDelivery, 'event' | 'attempt'> & { alert: string | null },
    final: boolean,
  ): Promise<WebhookDelivery> {
    const { config } = this.deps;
    let result: PostResult;
    let retryable = false;
    try {
      if (!config.webhookSecretKey) throw new Error('WEBHOOK_SECRET_KEY is not set, so the signing secret cannot be read');
      const secret = decryptSecret(config.webhookSecretKey, await this.storedSecret(em, webhook.id));
      const target = await checkWebhookTarget(webhook.url, { allowPrivate: config.webhookAllowPrivateTargets, allowedCidrs: config.webhookAllowedCidrs });
      result = await postJson(target, body, signatureHeaders(secret, body, new Date()), config.webhookTimeoutMs);
      retryable = isRetryable(result);
    } catch (error) {
      // A refused or unresolvable target, or a secret that cannot be read: retrying changes nothing.
      result = { statusCode: null, excerpt: null, error: (error as Error).message.slice(0, 500), durationMs: 0 };
    }
    const delivered = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const outcome: DeliveryOutcome = delivered ? 'delivered' : retryable && !final ? 'retrying' : 'failed';
    const row = em.create(WebhookDelivery, {
      webhook: webhook.id,
      alert: base.alert,
      event: base.event,
      attempt: base.attempt,
      outcome,
      status_code: result.statusCode,
      response_excerpt: result.excerpt,
      error: result.error,
      duration_ms: result.durationMs,
    });
    await em.flush();
    this.deps.telemetry.webhookDelivery(outcome);
    this.deps.logger.info(
      { webhook_id: webhook.id, alert_id: base.alert, attempt: base.attempt, outcome, status_code: result.statusCode, duration_ms: result.durationMs },
      'webhook delivery attempt',
    );
    return row;
  }

  /** Delivers an alert; `attempt` counts from 1, `final` when the queue will not try again. */
  async deliverAlert(alertId: string, webhookId: string, attempt: number, final: boolean): Promise<DeliveryStep> {
    const em = this.deps.orm.em.fork();
    const [alert, webhook] = await Promise.all([em.findOne(Alert, { id: alertId }), em.findOne(Webhook, { id: webhookId })]);
    // Deleted or switched off since the alert fired: nothing to do.
    if (!alert || !webhook?.enabled) return 'skipped';
    const body = JSON.stringify({ type: 'alert', id: alert.id, webhook_id: webhook.id, alert: toAlertView(alert) });
    const row = await this.attempt(em, webhook, body, { event: 'alert', attempt, alert: alert.id }, final);
    return row.outcome === 'delivered' ? 'delivered' : row.outcome === 'retrying' ? 'retry' : 'failed';
  }

  /** A signed ping, sent once and at once, so a user sees whether the receiver answers. */
  async ping(webhook: Webhook): Promise<DeliveryView> {
    const em = this.deps.orm.em.fork();
    const body = JSON.stringify({
      type: 'ping',
      id: crypto.randomUUID(),
      webhook_id: webhook.id,
      message: 'PromptOps test delivery',
      sent_at: new Date().toISOString(),
    });
    return toDeliveryView(await this.attempt(em, webhook, body, { event: 'test', attempt: 1, alert: null }, true));
  }
}
