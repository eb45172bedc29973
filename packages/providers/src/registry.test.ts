import type { ProviderSettings } from '@promptops/config';
import { describe, expect, it } from 'vitest';
import { MockProvider } from './mock/mock-provider';
import { OpenAiCompatibleProvider } from './openai/openai-compatible-provider';
import { ProviderError } from './provider-error';
import { createProviderRegistry } from './registry';

const base = { apiKey: 'sk-x', supportsJsonSchema: true, supportsJsonMode: true, requestsPerMinute: undefined, defaultModel: undefined };
const settings: ProviderSettings[] = [
  { ...base, name: 'openai', kind: 'openai', baseUrl: undefined, requestsPerMinute: 500 },
  { ...base, name: 'xai', kind: 'xai', baseUrl: 'https://api.x.ai/v1' },
  { ...base, name: 'ollama', kind: 'openai_compatible', baseUrl: 'http://127.0.0.1:11434/v1', apiKey: undefined, defaultModel: 'llama3.1' },
];

describe('createProviderRegistry', () => {
  const registry = createProviderRegistry(settings, { timeoutMs: 1_000 });

  it('resolves configured names, mock and auto', () => {
    expect(registry.get('openai')).toBeInstanceOf(OpenAiCompatibleProvider);
    expect(registry.get('ollama').name).toBe('ollama');
    expect(registry.get('mock')).toBeInstanceOf(MockProvider);
    expect(registry.resolveName('auto')).toBe('openai');
    expect(registry.get('auto')).toBe(registry.get('openai'));
    expect(registry.names()).toEqual(['openai', 'xai', 'ollama', 'mock']);
    expect(registry.has('auto')).toBe(true);
    expect(registry.has('xai')).toBe(true);
    expect(registry.has('anthropic')).toBe(false);
  });

  it('maps auto to mock when no real provider is configured', () => {
    const empty = createProviderRegistry([], { timeoutMs: 1_000, mockLatencyMs: 5 });
    expect(empty.resolveName('auto')).toBe('mock');
    expect(empty.get('auto').name).toBe('mock');
    expect(empty.names()).toEqual(['mock']);
  });

  it('throws a non-retryable not_found ProviderError listing configured names for unknown providers', () => {
    let error: unknown;
    try {
      registry.get('anthropic');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'not_found', retryable: false, type: 'provider_error' });
    expect((error as Error).message).toMatch(/"anthropic".*openai, xai, ollama, mock, auto/);
    expect(() => registry.resolveName('nope')).toThrow(ProviderError);
  });

  it('exposes rate limits and default models', () => {
    expect(registry.requestsPerMinute('openai')).toBe(500);
    expect(registry.requestsPerMinute('auto')).toBe(500);
    expect(registry.requestsPerMinute('xai')).toBeUndefined();
    expect(registry.requestsPerMinute('mock')).toBeUndefined();
    expect(registry.defaultModel('openai')).toBe('gpt-4o-mini');
    expect(registry.defaultModel('xai')).toBe('grok-3-mini');
    expect(registry.defaultModel('ollama')).toBe('llama3.1');
    expect(registry.defaultModel('mock')).toBe('mock-1');
  });
});
