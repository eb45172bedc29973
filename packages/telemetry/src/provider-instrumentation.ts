import { ProviderError, type LlmProvider, type PriceTable, type ProviderRegistry } from '@promptops/providers';
import type { Telemetry } from './telemetry';

/**
 * Wraps a provider registry so every `complete()` call, whoever makes it (execution runner, LLM
 * judge), records latency, errors by kind, tokens and cost. Doing it here keeps metrics out of the
 * domain's call sites and cannot miss a caller added later.
 */
export function instrumentProviders(registry: ProviderRegistry, telemetry: Pick<Telemetry, 'providerCall'>, prices: PriceTable): ProviderRegistry {
  const wrapped = new Map<string, LlmProvider>();

  const instrument = (provider: LlmProvider, name: string): LlmProvider => ({
    name: provider.name,
    async complete(request) {
      // Same model the runner prices the execution with; empty means the provider's default.
      const model = request.model || registry.defaultModel(name);
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const result = await provider.complete(request);
        telemetry.providerCall({
          provider: name,
          model,
          seconds: seconds(),
          promptTokens: result.promptTokens,
          completionTokens: result.completionTokens,
          costUsd: prices.costOf(model, result.promptTokens, result.completionTokens),
        });
        return result;
      } catch (error) {
        telemetry.providerCall({ provider: name, model, seconds: seconds(), errorKind: error instanceof ProviderError ? error.kind : 'unknown' });
        throw error;
      }
    },
  });

  // Listed one by one (not spread) so a method added to ProviderRegistry fails to compile here
  // instead of silently going missing.
  return {
    get(name) {
      const provider = registry.get(name);
      const resolved = registry.resolveName(name);
      let instrumented = wrapped.get(resolved);
      if (!instrumented) {
        instrumented = instrument(provider, resolved);
        wrapped.set(resolved, instrumented);
      }
      return instrumented;
    },
    has: (name) => registry.has(name),
    names: () => registry.names(),
    resolveName: (name) => registry.resolveName(name),
    requestsPerMinute: (name) => registry.requestsPerMinute(name),
    defaultModel: (name) => registry.defaultModel(name),
  };
}
