export { BUILTIN_TEMPLATES, seedBuiltinTemplates, seedIfEmpty, type SeedReport } from './seed-builtin-templates';
export type { SeedTemplate } from './seed-definition';
export { seedExamples } from './examples/seed-examples';
