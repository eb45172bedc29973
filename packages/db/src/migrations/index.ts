import type { MigrationObject } from '@mikro-orm/core';
import { InitialSchema } from './0001-initial-schema';
import { ApiKeys } from './0003-api-keys';
import { EvaluationRuns } from './0004-evaluation-runs';
import { RunHeartbeat } from './0005-run-heartbeat';
import { ConsoleSessions } from './0006-console-sessions';

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
];
