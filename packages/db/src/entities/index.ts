export { PromptTemplate } from './prompt-template';
export { PromptTemplateName, TEMPLATE_CATEGORIES } from './prompt-template-name';
export { PromptSchema, SCHEMA_TYPES, type SchemaType } from './prompt-schema';
export { PromptDataset } from './prompt-dataset';
export { PromptDatasetEntry } from './prompt-dataset-entry';
export {
  PromptExecution,
  EXECUTION_STATUSES,
  FAILURE_KINDS,
  EXECUTION_KINDS,
  type ExecutionStatus,
  type FailureKind,
  type ExecutionKind,
  type ExecutionAttempt,
} from './prompt-execution';
export { EvaluationRun, EVALUATION_RUN_STATUSES, type EvaluationRunStatus, type RunExecutionSettings } from './evaluation-run';
export { EvaluationResult, EVALUATION_RESULT_STATUSES, type EvaluationResultStatus, type ScoreRecord } from './evaluation-result';
export { ApiKey, API_KEY_SCOPES, type ApiKeyScope } from './api-key';
export { ConsoleSession } from './console-session';
export { IdempotencyKey } from './idempotency-key';
export * from './alerting';

import { Alert, AlertRule, Budget, Webhook, WebhookDelivery } from './alerting';
import { ApiKey } from './api-key';
import { ConsoleSession } from './console-session';
import { EvaluationResult } from './evaluation-result';
import { EvaluationRun } from './evaluation-run';
import { IdempotencyKey } from './idempotency-key';
import { PromptDataset } from './prompt-dataset';
import { PromptDatasetEntry } from './prompt-dataset-entry';
import { PromptExecution } from './prompt-execution';
import { PromptSchema } from './prompt-schema';
import { PromptTemplate } from './prompt-template';
import { PromptTemplateName } from './prompt-template-name';

export const ALL_ENTITIES = [
  PromptTemplateName,
  PromptTemplate,
  PromptSchema,
  PromptDataset,
  PromptDatasetEntry,
  PromptExecution,
  ApiKey,
  EvaluationRun,
  EvaluationResult,
  ConsoleSession,
  IdempotencyKey,
  Budget,
  AlertRule,
  Alert,
  Webhook,
  WebhookDelivery,
];
