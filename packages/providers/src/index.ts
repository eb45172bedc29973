export type { ChatMessage, CompletionRequest, CompletionResult, LlmProvider, StructuredOutputMode } from './types';
export { ProviderError, type ProviderErrorInit, type ProviderErrorKind } from './provider-error';
export { OpenAiCompatibleProvider, type OpenAiCompatibleOptions } from './openai/openai-compatible-provider';
export { parseRetryAfter } from './openai/retry-after';
export { MockProvider, type MockProviderOptions } from './mock/mock-provider';
export { generateInstance, type GeneratedInstance } from './mock/schema-instance';
export {
  createProviderRegistry,
  AUTO_PROVIDER,
  MOCK_PROVIDER,
  type ProviderRegistry,
  type ProviderRegistryOptions,
} from './registry';
export { createPriceTable, BUILT_IN_PRICES, type PriceTable } from './pricing';
export { extractJson, schemaInstruction } from './json-output';
export { estimateTokens, estimatePromptTokens } from './token-estimate';
