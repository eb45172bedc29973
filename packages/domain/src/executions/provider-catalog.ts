import type { ProviderSettings } from '@promptops/config';
import { AUTO_PROVIDER, MOCK_PROVIDER, type ProviderRegistry } from '@promptops/providers';

export interface ProviderInfo {
  name: string;
  /** Model used when a template or request leaves the model empty ('' for a custom server without one). */
  default_model: string;
  /** Whether the provider is asked for output with a JSON Schema (otherwise JSON mode or instructions). */
  supports_json_schema: boolean;
}

export interface ProviderCatalog {
  /** Configured providers in configuration order, then `mock`. */
  items: ProviderInfo[];
  /** The provider `auto` stands for on this installation. */
  auto: string;
}

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
