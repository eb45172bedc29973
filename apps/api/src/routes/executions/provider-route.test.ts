import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app';

let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('GET /v1/providers', () => {
  it('lists only mock, which auto stands for, when nothing is configured', async () => {
    t = await createTestApp();
    const { status, body } = await t.call('GET', '/v1/providers');
    expect(status).toBe(200);
    expect(body).toEqual({ items: [{ name: 'mock', default_model: 'mock-1', supports_json_schema: true }], auto: 'mock' });
  });

  it('lists configured providers in order, then mock, without keys or addresses', async () => {
    t = await createTestApp({
      OPENAI_API_KEY: 'sk-test-secret-value',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      LLM_PROVIDERS: JSON.stringify([
        { name: 'ollama', base_url: 'http://127.0.0.1:11434/v1', default_model: 'llama3.1', supports_json_schema: true },
        { name: 'lmstudio', base_url: 'http://127.0.0.1:1234/v1' },
      ]),
    });
    const { status, body } = await t.call('GET', '/v1/providers');
    expect(status).toBe(200);
    expect(body).toEqual({
      items: [
        { name: 'openai', default_model: 'gpt-4o-mini', supports_json_schema: true },
        { name: 'ollama', default_model: 'llama3.1', supports_json_schema: true },
        { name: 'lmstudio', default_model: '', supports_json_schema: false },
        { name: 'mock', default_model: 'mock-1', supports_json_schema: true },
      ],
      auto: 'openai',
    });
    const text = JSON.stringify(body);
    expect(text).not.toContain('sk-test');
    expect(text).not.toContain('127.0.0.1');
  });
});
