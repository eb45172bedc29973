import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives every setting its documented default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: 'postgresql://postgres@127.0.0.1:5432/promptops',
      redisUrl: 'redis://127.0.0.1:6379',
      host: '127.0.0.1',
      port: 3000,
      logLevel: 'info',
      queuePrefix: 'promptops',
      workerConcurrency: 8,
      maxBodyBytes: 1_048_576,
      maxImportBytes: 10_485_760,
      renderTimeoutMs: 1000,
      providerTimeoutMs: 60_000,
      maxJsonDepth: 32,
      maxContextBytes: 262_144,
      rateLimitPerMinute: 600,
      idempotencyTtlHours: 24,
      trustProxy: false,
      metricsToken: undefined,
      workerMetricsPort: 0,
      promptopsCommand: 'npx promptops',
      modelPrices: {},
    });
    // `mock` is always there (the registry adds it); only real providers are configured here.
    expect(config.providers).toEqual([]);
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: the compose syntax, quoted in the test's name
  it('treats an empty variable as unset, as compose files pass `${VAR:-}` through', () => {
    const config = loadConfig({ TRUST_PROXY: '', METRICS_TOKEN: '', PORT: '', OPENAI_API_KEY: '' });
    expect(config).toMatchObject({ trustProxy: false, metricsToken: undefined, port: 3000 });
    expect([loadConfig({ TRUST_PROXY: 'true' }).trustProxy, loadConfig({ TRUST_PROXY: '1' }).trustProxy, loadConfig({ TRUST_PROXY: '0' }).trustProxy]).toEqual([
      true,
      true,
      false,
    ]);
    expect(config.providers).toEqual([]);
  });

  it('names every wrong variable in one message', () => {
    const attempt = () =>
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: '70000', WORKER_CONCURRENCY: 'many', LOG_LEVEL: 'loud', TRUST_PROXY: 'yes', QUEUE_PREFIX: 'a b' });
    expect(attempt).toThrow(ConfigError);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    for (const name of ['DATABASE_URL', 'PORT', 'WORKER_CONCURRENCY', 'LOG_LEVEL', 'TRUST_PROXY', 'QUEUE_PREFIX']) expect(message).toContain(name);
  });

  it('enables providers from their keys and parses custom servers and prices', () => {
    const config = loadConfig({
      OPENAI_API_KEY: 'sk-test',
      OLLAMA_KEY: 'unused',
      LLM_PROVIDERS: JSON.stringify([{ name: 'ollama', base_url: 'http://127.0.0.1:11434/v1', api_key_env: 'OLLAMA_KEY', default_model: 'llama3.1' }]),
      MODEL_PRICES: JSON.stringify({ 'my-model': { input: 1, output: 2 } }),
    });
    expect(config.providers.map((provider) => provider.name)).toEqual(['openai', 'ollama']);
    expect(config.modelPrices).toEqual({ 'my-model': { input: 1, output: 2 } });
  });

  it('refuses malformed provider and price settings with a message naming them', () => {
    expect(() => loadConfig({ LLM_PROVIDERS: '[{"name": 1}]' })).toThrow(/LLM_PROVIDERS/);
    expect(() => loadConfig({ LLM_PROVIDERS: 'not json' })).toThrow(/LLM_PROVIDERS/);
    expect(() => loadConfig({ LLM_PROVIDERS: JSON.stringify([{ name: 'x', base_url: 'http://h/v1', api_key_env: 'MISSING_KEY_VAR' }]) })).toThrow(
      /MISSING_KEY_VAR/,
    );
    expect(() => loadConfig({ MODEL_PRICES: '{"m": {"input": -1, "output": 1}}' })).toThrow(/MODEL_PRICES/);
  });
});
