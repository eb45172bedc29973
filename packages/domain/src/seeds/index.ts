export { BUILTIN_TEMPLATES, seedBuiltinTemplates, seedIfEmpty, type SeedReport } from './seed-builtin-templates';
export type { SeedTemplate } from './seed-definition';
