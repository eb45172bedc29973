export { type PromptPair, type PromptRenderer, type RenderedPrompts, createPromptRenderer } from './prompt-renderer';
export { DEFAULT_RENDER_LIMITS, type RenderLimits } from './render-limits';
export { checkTemplateSyntax } from './template-syntax';
export { type TemplateVariable, type TypeHint, extractVariables } from './variable-extraction';
export { type JsonSchema, suggestInputSchema } from './input-schema';
export type { TemplateAnalysis } from './template-analysis';
