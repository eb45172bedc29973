import type { EntityManager } from '@mikro-orm/postgresql';
import { Webhook, WebhookDelivery } from '@promptops/db';
import { NotFoundError } from '@promptops/errors';
import type { CreatedWebhook, Deleted, DeliveryView, WebhookInput, WebhookView } from '@promptops/validators';
import type { DomainDeps } from '../domain-deps';
import type { Page, PageRequest } from '../pagination';
import { toDeliveryView, WebhookDeliverer } from './webhook-deliverer';
import { encryptSecret, generateWebhookSecret, requireSecretKey } from './webhook-secrets';
import { checkWebhookTarget } from './webhook-targets';

function toView(row: Webhook): WebhookView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    enabled: row.enabled,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export class WebhookService {
  readonly deliverer: WebhookDeliverer;

  constructor(private readonly deps: DomainDeps) {
    this.deliverer = new WebhookDeliverer(deps);
  }

  private policy() {
    return { allowPrivate: this.deps.config.webhookAllowPrivateTargets, allowedCidrs: this.deps.config.webhookAllowedCidrs };
  }

  private async find(em: EntityManager, id: string): Promise<Webhook> {
    const row = await em.findOne(Webhook, { id });
    if (!row) throw new NotFoundError('webhook', id);
    return row;
  }

  async list(): Promise<WebhookView[]> {
    return (await this.deps.orm.em.fork().find(Webhook, {}, { orderBy: { created_at: 'asc' } })).map(toView);
  }

  /** The signing secret is in this answer only; the database keeps it encrypted. */
  async create(input: WebhookInput): Promise<CreatedWebhook> {
    const key = requireSecretKey(this.deps.config.webhookSecretKey);
    await checkWebhookTarget(input.url, this.policy());
    const secret = generateWebhookSecret();
    const em = this.deps.orm.em.fork();
    const row = em.create(Webhook, {
      url: input.url,
      description: input.description ?? '',
      enabled: input.enabled ?? true,
      secret_ciphertext: encryptSecret(key, secret),
    });
    await em.flush();
    return { ...toView(row), secret };
  }

  async update(id: string, changes: Partial<WebhookInput>): Promise<WebhookView> {
    const em = this.deps.orm.em.fork();
    const row = await this.find(em, id);
    if (changes.url !== undefined) await checkWebhookTarget(changes.url, this.policy());
    em.assign(row, Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)));
    await em.flush();
    return toView(row);
  }

  async delete(id: string): Promise<Deleted> {
    const em = this.deps.orm.em.fork();
    await em.removeAndFlush(await this.find(em, id));
    return { id, deleted: true };
  }

  async test(id: string): Promise<DeliveryView> {
    requireSecretKey(this.deps.config.webhookSecretKey);
    return this.deliverer.ping(await this.find(this.deps.orm.em.fork(), id));
  }

  async deliveries(id: string, page: PageRequest): Promise<Page<DeliveryView>> {
    const em = this.deps.orm.em.fork();
    await this.find(em, id);
    const [rows, total] = await em.findAndCount(
      WebhookDelivery,
      { webhook: id },
      { orderBy: { created_at: 'desc', id: 'desc' }, limit: page.limit, offset: page.offset },
    );
    return { items: rows.map(toDeliveryView), total, limit: page.limit, offset: page.offset };
  }
}
