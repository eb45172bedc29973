import type { ProviderSettings } from '@promptops/config';
import { AUTO_PROVIDER, MOCK_PROVIDER, type ProviderRegistry } from '@promptops/providers';
import type { ProviderCatalog } from '@promptops/validators';

export type { ProviderCatalog, ProviderInfo } from '@promptops/validators';

/** Names, default models and structured-output support; never keys or base URLs. */
export function describeProviders(registry: ProviderRegistry, settings: ProviderSettings[]): ProviderCatalog {
  const configured = new Map(settings.map((s) => [s.name, s]));
  return {
    items: registry.names().map((name) => ({
      name,
      default_model: registry.defaultModel(name),
      // The mock provider answers schema-valid JSON for any schema it is given.
      supports_json_schema: name === MOCK_PROVIDER || (configured.get(name)?.supportsJsonSchema ?? false),
    })),
    auto: registry.resolveName(AUTO_PROVIDER),
  };
}
