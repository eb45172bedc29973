/**
 * The API's enumerations the console offers in selects and validates URLs against. They mirror the
 * server's constants, which the browser bundle cannot import; enums.test.ts checks that they match.
 */

export const TEMPLATE_CATEGORIES = [
  'chat',
  'auto_issue',
  'feedback_issue',
  'documentation',
  'readme_update',
  'sub_issue',
  'generation',
  'evaluation',
  'other',
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const TEMPLATE_SORTS = [
  'name',
  '-name',
  'updated_at',
  '-updated_at',
  'created_at',
  '-created_at',
  'usage_count',
  '-usage_count',
  'last_used_at',
  '-last_used_at',
] as const;
export type TemplateSort = (typeof TEMPLATE_SORTS)[number];

export const EXECUTION_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export const FAILURE_KINDS = ['render', 'validation', 'provider', 'timeout', 'cancelled'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export const EXECUTION_KINDS = ['template', 'raw', 'generation'] as const;
export type ExecutionKind = (typeof EXECUTION_KINDS)[number];

export const API_KEY_SCOPES = ['read', 'write', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_RESULT_STATUSES = ['pending', 'running', 'scored', 'failed', 'cancelled'] as const;
export type RunResultStatus = (typeof RUN_RESULT_STATUSES)[number];
