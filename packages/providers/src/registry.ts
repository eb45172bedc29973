import type { ProviderSettings } from '@promptops/config';
import { MockProvider } from './mock/mock-provider';
import { OpenAiCompatibleProvider } from './openai/openai-compatible-provider';
import { ProviderError } from './provider-error';
import type { LlmProvider } from './types';

export interface ProviderRegistryOptions {
  /** Per-call timeout (PROVIDER_TIMEOUT_MS); a request's own timeoutMs overrides it. */
  timeoutMs: number;
  mockLatencyMs?: number;
}

export interface ProviderRegistry {
  /** Resolves `auto`, `mock`, `openai`, `xai` or a custom name; throws ProviderError(not_found) otherwise. */
  get(name: string): LlmProvider;
  has(name: string): boolean;
  /** Configured real providers in configuration order, then `mock` (excludes the `auto` alias). */
  names(): string[];
  /** The concrete provider name `name` stands for (`auto` → first real provider, else `mock`). */
  resolveName(name: string): string;
  /** Configured requests-per-minute budget; undefined means unlimited. */
  requestsPerMinute(name: string): number | undefined;
  /** Model to use when a template leaves its model empty. */
  defaultModel(name: string): string;
}

const FALLBACK_MODELS: Record<ProviderSettings['kind'] | 'mock', string | undefined> = {
  openai: 'gpt-4o-mini',
  xai: 'grok-3-mini',
  openai_compatible: undefined,
  mock: 'mock-1',
};

export const MOCK_PROVIDER = 'mock';
export const AUTO_PROVIDER = 'auto';

/**
 * Builds every provider once (SDK clients keep connection pools, so they are shared by all jobs of
 * a worker). Clients are created eagerly so a bad base URL fails at start-up, not on the first job.
 */
export function createProviderRegistry(settings: ProviderSettings[], options: ProviderRegistryOptions): ProviderRegistry {
  const byName = new Map<string, { provider: LlmProvider; settings: ProviderSettings | undefined; model: string }>();
  for (const s of settings) {
    // Custom servers have no universal default; an empty string lets the server reject it clearly.
    const model = s.defaultModel ?? FALLBACK_MODELS[s.kind] ?? '';
    byName.set(s.name, { provider: new OpenAiCompatibleProvider(s, { timeoutMs: options.timeoutMs, defaultModel: model }), settings: s, model });
  }
  const mockModel = FALLBACK_MODELS.mock as string;
  byName.set(MOCK_PROVIDER, {
    provider: new MockProvider({ latencyMs: options.mockLatencyMs ?? 0, defaultModel: mockModel }),
    settings: undefined,
    model: mockModel,
  });
  const autoName = settings[0]?.name ?? MOCK_PROVIDER;

  const entry = (name: string) => {
    const resolved = name === AUTO_PROVIDER ? autoName : name;
    const found = byName.get(resolved);
    if (found) return { resolved, ...found };
    throw new ProviderError(`Unknown provider "${name}"; configured providers: ${[...byName.keys(), AUTO_PROVIDER].join(', ')}`, {
      kind: 'not_found',
      retryable: false,
      provider: name,
      details: { configured: [...byName.keys()] },
    });
  };

  return {
    get: (name) => entry(name).provider,
    has: (name) => name === AUTO_PROVIDER || byName.has(name),
    names: () => [...byName.keys()],
    resolveName: (name) => entry(name).resolved,
    requestsPerMinute: (name) => entry(name).settings?.requestsPerMinute,
    defaultModel: (name) => entry(name).model,
  };
}
