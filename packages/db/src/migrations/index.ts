import type { MigrationObject } from '@mikro-orm/core';
import { InitialSchema } from './0001-initial-schema';
import { ApiKeys } from './0003-api-keys';
import { EvaluationRuns } from './0004-evaluation-runs';
import { RunHeartbeat } from './0005-run-heartbeat';
import { ConsoleSessions } from './0006-console-sessions';
import { TemplateNamesAndDatasetRefs } from './0007-template-names-and-dataset-refs';
import { RunItemExecutionsUnlessCancelled } from './0008-run-item-executions-unless-cancelled';
import { IdempotencyKeys } from './0009-idempotency-keys';
import { ExecutionRollups } from './0010-execution-rollups';
import { BudgetsAndAlerts } from './0011-budgets-and-alerts';
import { ShardExecutionRollups } from './0012-shard-execution-rollups';

/**
 * Every migration in order; listed explicitly so they load the same under tsx, vitest and Docker.
 * Generate a new one with `npm run db:migration:create -w @promptops/db`, rename it to the next
 * `NNNN-what-it-does.ts`, and append it here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: '0001-initial-schema', class: InitialSchema },
  { name: '0003-api-keys', class: ApiKeys },
  { name: '0004-evaluation-runs', class: EvaluationRuns },
  { name: '0005-run-heartbeat', class: RunHeartbeat },
  { name: '0006-console-sessions', class: ConsoleSessions },
  { name: '0007-template-names-and-dataset-refs', class: TemplateNamesAndDatasetRefs },
  { name: '0008-run-item-executions-unless-cancelled', class: RunItemExecutionsUnlessCancelled },
  { name: '0009-idempotency-keys', class: IdempotencyKeys },
  { name: '0010-execution-rollups', class: ExecutionRollups },
  { name: '0011-budgets-and-alerts', class: BudgetsAndAlerts },
  { name: '0012-shard-execution-rollups', class: ShardExecutionRollups },
];
