import type { ProviderSettings } from '@promptops/config';

/** ProviderSettings pointing at a fake server; tests override what they exercise. */
export function fakeSettings(baseUrl: string, overrides: Partial<ProviderSettings> = {}): ProviderSettings {
  return {
    name: 'fake',
    kind: 'openai_compatible',
    baseUrl,
    apiKey: 'sk-test-key',
    supportsJsonSchema: true,
    supportsJsonMode: true,
    requestsPerMinute: undefined,
    defaultModel: undefined,
    ...overrides,
  };
}
