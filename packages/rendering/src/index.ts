export { type PromptPair, type PromptRenderer, type RenderedPrompts, createPromptRenderer } from './host/prompt-renderer';
export { DEFAULT_RENDER_LIMITS, type RenderLimits } from './runtime/render-limits';
export { checkTemplateSyntax } from './analysis/template-syntax';
export { type TemplateVariable, type TypeHint, extractVariables } from './analysis/variable-extraction';
export { type JsonSchema, suggestInputSchema } from './analysis/input-schema';
export type { TemplateAnalysis } from './analysis/template-analysis';
