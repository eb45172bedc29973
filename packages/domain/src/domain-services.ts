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
  const executions = new ExecutionService(deps, templates);
  const datasets = new DatasetService(deps, templates);
  return {
    deps,
    health: new HealthService(deps),
    apiKeys: new ApiKeyService(deps),
    consoleSessions: new ConsoleSessionService(deps),
    templates,
    datasets,
    executions,
    evaluations: new EvaluationService(deps, templates, datasets, executions),
    generations: new PromptGenerationService(deps, templates, executions),
    executionLifecycle: (staleAfterMs: number) => new ExecutionLifecycle(() => deps.orm.em.fork(), staleAfterMs),
  };
}

export type DomainServices = ReturnType<typeof createDomainServices>;
