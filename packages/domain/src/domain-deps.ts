import type { AppConfig, Logger } from '@promptops/config';
import type { Orm } from '@promptops/db';
import type { PriceTable, ProviderRegistry } from '@promptops/providers';
import type { QueueSet } from '@promptops/queue';
import type { PromptRenderer } from '@promptops/rendering';
import type { JsonSchemaValidator } from '@promptops/schemas';
import type { Telemetry } from '@promptops/telemetry';

/** What every domain service is built from; created once per process and shared. */
export interface DomainDeps {
  orm: Orm;
  renderer: PromptRenderer;
  validator: JsonSchemaValidator;
  config: AppConfig;
  logger: Logger;
  queues: QueueSet;
  providers: ProviderRegistry;
  prices: PriceTable;
  /** This process's metrics; services record into it, the HTTP layers expose it. */
  telemetry: Telemetry;
}
