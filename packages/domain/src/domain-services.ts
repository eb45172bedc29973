import { DatasetService } from './datasets/dataset-service';
import type { DomainDeps } from './domain-deps';
import { HealthService } from './health/health-service';
import { TemplateService } from './templates/template-service';

/** Every domain service, wired once per process. */
export function createDomainServices(deps: DomainDeps) {
  const templates = new TemplateService(deps);
  return {
    deps,
    health: new HealthService(deps),
    templates,
    datasets: new DatasetService(deps, templates),
  };
}

export type DomainServices = ReturnType<typeof createDomainServices>;
