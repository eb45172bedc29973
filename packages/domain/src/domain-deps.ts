import type { AppConfig, Logger } from '@promptops/config';
import type { Orm } from '@promptops/db';
import type { PromptRenderer } from '@promptops/rendering';
import type { JsonSchemaValidator } from '@promptops/schemas';

/** What every domain service is built from; created once per process and shared. */
export interface DomainDeps {
  orm: Orm;
  renderer: PromptRenderer;
  validator: JsonSchemaValidator;
  config: AppConfig;
  logger: Logger;
}
