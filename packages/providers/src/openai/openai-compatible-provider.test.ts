import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extractJson } from '../json-output';
import { violationsOf } from '../mock/schema-validator';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../testing';
import { OpenAiCompatibleProvider } from './openai-compatible-provider';
import { fakeSettings } from './test-settings';

const schema = {
  type: 'object',
  title: 'Sentiment result',
  properties: { label: { enum: ['positive', 'negative'] }, score: { type: 'number', minimum: 0, maximum: 1 } },
  required: ['label', 'score'],
  additionalProperties: false,
};
const messages = [
  { role: 'system' as const, content: 'You classify sentiment.' },
  { role: 'user' as const, content: 'I love it' },
];

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const provider = (overrides = {}) => new OpenAiCompatibleProvider(fakeSettings(server.url, overrides), { timeoutMs: 5_000, defaultModel: 'default-model' });

describe('OpenAiCompatibleProvider over HTTP', () => {
  it('returns text, usage and model from a chat completion', async () => {
    server.enqueue({ type: 'reply', content: 'Hello!', usage: { prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 } });
    const result = await provider().complete({ model: 'gpt-4o-mini', messages, temperature: 0.2, maxTokens: 50 });
    expect(result).toMatchObject({
      text: 'Hello!',
      promptTokens: 11,
      completionTokens: 3,
      totalTokens: 14,
      model: 'gpt-4o-mini',
      structuredOutputMode: 'none',
    });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    const sent = server.requests[0];
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe('Bearer sk-test-key');
    expect(sent?.body).toMatchObject({ model: 'gpt-4o-mini', messages, temperature: 0.2, max_tokens: 50 });
    expect(sent?.body).not.toHaveProperty('response_format');
  });

  it('keeps its connections open between calls', async () => {
    const client = provider();
    const before = server.connections;
    for (let call = 0; call < 10; call++) await client.complete({ model: 'm', messages });
    // undici frees a connection a tick after its response ends, so the very next call may open a second.
    expect(server.connections - before).toBeLessThanOrEqual(2);
    await Promise.all(Array.from({ length: 4 }, () => client.complete({ model: 'm', messages })));
    const afterBurst = server.connections;
    for (let call = 0; call < 10; call++) await client.complete({ model: 'm', messages });
    expect(server.connections).toBe(afterBurst);
  });

  it('uses the default model when the request model is empty, and max_completion_tokens for OpenAI', async () => {
    await provider({ kind: 'openai' }).complete({ model: '', messages, maxTokens: 20 });
    expect(server.requests[0]?.body).toMatchObject({ model: 'default-model', max_completion_tokens: 20 });
    expect(server.requests[0]?.body).not.toHaveProperty('max_tokens');
  });

  it('estimates tokens when the server omits usage', async () => {
    server.enqueue({ type: 'malformed', raw: JSON.stringify({ model: 'm', choices: [{ message: { role: 'assistant', content: 'abcdefgh' } }] }) });
    const result = await provider().complete({ model: 'm', messages });
    expect(result).toMatchObject({ text: 'abcdefgh', completionTokens: 2, promptTokens: Math.ceil(32 / 4) });
  });

  it('sends response_format json_schema when the server supports it, and the default reply validates', async () => {
    const result = await provider().complete({ model: 'm', messages, outputSchema: schema });
    expect(result.structuredOutputMode).toBe('json_schema');
    expect(server.requests[0]?.body).toMatchObject({
      messages,
      response_format: { type: 'json_schema', json_schema: { name: 'Sentiment_result', schema, strict: false } },
    });
    expect(violationsOf(schema, extractJson(result.text))).toEqual([]);
  });

  it('falls back to json_object plus a schema instruction in the system message', async () => {
    const result = await provider({ supportsJsonSchema: false }).complete({ model: 'm', messages, outputSchema: schema });
    expect(result.structuredOutputMode).toBe('json_object');
    const body = server.requests[0]?.body as { messages: { role: string; content: string }[]; response_format: unknown };
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages).toHaveLength(2);
    expect(body.messages[0]?.content).toContain('You classify sentiment.');
    expect(body.messages[0]?.content).toContain(JSON.stringify(schema));
  });

  it('falls back to instructions only, adding a system message when there is none', async () => {
    const result = await provider({ supportsJsonSchema: false, supportsJsonMode: false }).complete({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      outputSchema: schema,
    });
    expect(result.structuredOutputMode).toBe('instructions');
    const body = server.requests[0]?.body as { messages: { role: string; content: string }[] };
    expect(body).not.toHaveProperty('response_format');
    expect(body.messages[0]?.role).toBe('system');
    expect(body.messages[0]?.content).toContain(JSON.stringify(schema));
    expect(body.messages[1]).toEqual({ role: 'user', content: 'hi' });
  });

  it('never sends OPENAI_API_KEY from the environment to a keyless server', async () => {
    const previous = process.env.OPENAI_API_KEY;
    process.env.OPENAI_API_KEY = 'sk-env-secret-should-not-travel';
    try {
      await provider({ apiKey: undefined }).complete({ model: 'm', messages });
    } finally {
      if (previous === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = previous;
    }
    expect(server.requests[0]?.headers.authorization).toBe('Bearer no-key');
  });
});
