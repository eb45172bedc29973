export { createDomainServices, type DomainServices } from './domain-services';
export type { DomainDeps } from './domain-deps';
export type { Page, PageRequest } from './pagination';
