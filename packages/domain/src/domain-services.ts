import { AlertEvaluator, AlertRuleService, AlertService, BudgetService, WebhookService } from './alerts';
import { AnalyticsService } from './analytics';
import { ApiKeyService } from './api-keys/api-key-service';
import { ConsoleSessionService } from './api-keys/console-session-service';
import { DatasetService } from './datasets/dataset-service';
import type { DomainDeps } from './domain-deps';
import { EvaluationService } from './evaluations/evaluation-service';
import { ExecutionService } from './executions/execution-service';
import { ExecutionLifecycle } from './executions/lifecycle';
import { PromptGenerationService } from './generation/prompt-generation-service';
import { HealthService } from './health/health-service';
import { TemplateService } from './templates/template-service';

/** Every domain service, wired once per process. */
export function createDomainServices(deps: DomainDeps) {
  const templates = new TemplateService(deps);
  const budgets = new BudgetService(deps);
  const executions = new ExecutionService(deps, templates, budgets.guard);
  const datasets = new DatasetService(deps, templates);
  return {
    health: new HealthService(deps),
    analytics: new AnalyticsService(deps),
    apiKeys: new ApiKeyService(deps),
    consoleSessions: new ConsoleSessionService(deps),
    templates,
    datasets,
    executions,
    evaluations: new EvaluationService(deps, templates, datasets, executions),
    generations: new PromptGenerationService(deps, templates, executions),
    budgets,
    alertRules: new AlertRuleService(deps),
    alerts: new AlertService(deps),
    webhooks: new WebhookService(deps),
    alertEvaluator: new AlertEvaluator(deps),
    executionLifecycle: (staleAfterMs: number) => new ExecutionLifecycle(() => deps.orm.em.fork(), staleAfterMs),
  };
}

export type DomainServices = ReturnType<typeof createDomainServices>;
