export { type AlertPage, AlertPageSchema, AlertSchema, type AlertView } from './alerting/alert';
export {
  type AlertRuleInput,
  AlertRuleListSchema,
  AlertRuleSchema,
  type AlertRuleView,
  CreateAlertRuleSchema,
  UpdateAlertRuleSchema,
} from './alerting/alert-rule';
export { type AlertScope, AlertScopeSchema, type Deleted, DeletedSchema } from './alerting/alerting-common';
export { type BudgetInput, BudgetListSchema, BudgetSchema, type BudgetView, CreateBudgetSchema, UpdateBudgetSchema } from './alerting/budget';
export {
  type CreatedWebhook,
  CreatedWebhookSchema,
  CreateWebhookSchema,
  DeliverySchema,
  type DeliveryView,
  UpdateWebhookSchema,
  type WebhookInput,
  WebhookListSchema,
  WebhookSchema,
  type WebhookView,
} from './alerting/webhook';
export {
  ANALYTICS_BUCKETS,
  type AnalyticsBucket,
  type AnalyticsMetrics,
  type AnalyticsSeries,
  AnalyticsSeriesSchema,
  TOP_TEMPLATES_BY,
  type TopTemplates,
  type TopTemplatesBy,
  TopTemplatesSchema,
} from './analytics/analytics-responses';
export { ApiKeySchema, type ApiKeyView, CreatedApiKeySchema } from './api-keys/api-key';
export type { DatasetDeleteOutcome, DatasetDetail, DatasetView, EntryView, ImportResult } from './datasets/dataset';
export { DatasetDeleteResultSchema, DatasetDetailSchema, DatasetEntrySchema, DatasetImportResultSchema, DatasetSchema } from './datasets/dataset';
export {
  type ResultView,
  RunProgressSchema,
  type RunProgressView,
  RunResultSchema,
  RunSchema,
  type RunSummary,
  RunSummarySchema,
  type RunView,
  type ScorerSummary,
} from './evaluations/run';
export { type ComparisonVerdict, type EntryChange, type EntryComparison, type RunComparison, RunComparisonSchema } from './evaluations/run-comparison';
export { ExecutionAcceptedSchema, type ExecutionDto, ExecutionSchema } from './executions/execution';
export { type ProviderCatalog, ProviderCatalogSchema, type ProviderInfo } from './executions/provider-catalog';
export { JsonObjectSchema, JsonSchemaObject, timestamp } from './json';
export { SCORER_LIMITS, SCORER_TYPES, type ScorerConfig, ScorerConfigListSchema, ScorerConfigSchema, type ScorerType } from './scorers/scorer-config';
export { PromptSchemaSchema, type SchemaDto, type TemplateDto, TemplateSchema } from './templates/template';
export type {
  DeletedVersion,
  DeleteOutcome,
  DiffHunk,
  FacetCount,
  FieldChange,
  PromptDiff,
  SchemaChangeResult,
  SchemaDiff,
  TemplateDiff,
  TemplateFacets,
  TemplateListItem,
  TemplateStats,
  VersionLabel,
} from './templates/template-responses';
export {
  SchemaChangeResultSchema,
  TemplateDeleteResultSchema,
  TemplateDiffSchema,
  TemplateFacetsSchema,
  TemplateListItemSchema,
  TemplateStatsSchema,
} from './templates/template-responses';
