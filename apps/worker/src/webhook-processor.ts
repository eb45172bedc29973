import { UnrecoverableError, type Job } from 'bullmq';
import type { WebhookService } from '@promptops/domain';
import { WebhookJobSchema } from '@promptops/queue';

/**
 * Thin BullMQ processor for the webhooks queue: one signed POST per attempt, logged by the
 * deliverer. A retryable answer (5xx, 408, 429, time-out, network error) throws so BullMQ retries
 * with the queue's backoff; a final one (other 4xx, a refused target, the last try) fails the job.
 */
export function createWebhookProcessor(webhooks: Pick<WebhookService, 'deliverer'>) {
  return async function processWebhook(job: Job): Promise<{ outcome: string }> {
    const payload = WebhookJobSchema.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`invalid job payload: ${payload.error.message}`);
    const attempt = job.attemptsMade + 1;
    const step = await webhooks.deliverer.deliverAlert(payload.data.alert_id, payload.data.webhook_id, attempt, attempt >= (job.opts.attempts ?? 1));
    if (step === 'retry') throw new Error(`webhook delivery attempt ${attempt} failed; retrying`);
    if (step === 'failed') throw new UnrecoverableError('webhook delivery failed for good');
    return { outcome: step };
  };
}
