import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error';
import type { CompletionRequest } from '../types';
import { MockProvider } from './mock-provider';
import { violationsOf } from './schema-validator';

const messages: CompletionRequest['messages'] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Summarise   the quarterly report\nfor ACME' },
];
const schema = {
  type: 'object',
  properties: { title: { type: 'string' }, points: { type: 'array', items: { type: 'string' }, minItems: 1 } },
  required: ['title', 'points'],
};

describe('MockProvider', () => {
  const mock = new MockProvider();

  it('echoes the last user message without a schema, with chars/4 token estimates', async () => {
    const result = await mock.complete({ model: '', messages });
    expect(result.text).toBe('[mock] Summarise the quarterly report for ACME');
    expect(result).toMatchObject({
      model: 'mock-1',
      structuredOutputMode: 'none',
      promptTokens: Math.ceil((9 + 42) / 4),
      completionTokens: Math.ceil(result.text.length / 4),
    });
    expect(result.totalTokens).toBe(result.promptTokens + result.completionTokens);
  });

  it('is deterministic: same request, same output; different messages, different output', async () => {
    const a = await mock.complete({ model: 'mock-1', messages, outputSchema: schema });
    const b = await new MockProvider().complete({ model: 'mock-1', messages, outputSchema: schema, temperature: 1 });
    expect(b.text).toBe(a.text);
    const others = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((c) => mock.complete({ model: 'mock-1', messages: [{ role: 'user', content: c }], outputSchema: schema })),
    );
    expect(new Set(others.map((o) => o.text)).size).toBeGreaterThan(1);
  });

  it('returns schema-valid JSON text in json_schema mode', async () => {
    const result = await mock.complete({ model: 'mock-1', messages, outputSchema: schema });
    expect(result.structuredOutputMode).toBe('json_schema');
    expect(violationsOf(schema, JSON.parse(result.text))).toEqual([]);
  });

  it('throws a clear non-retryable error when the schema cannot be satisfied or compiled', async () => {
    const unsat = mock.complete({ model: 'm', messages, outputSchema: { type: 'integer', minimum: 5, maximum: 4 } });
    await expect(unsat).rejects.toMatchObject({ kind: 'bad_request', retryable: false, provider: 'mock' });
    await expect(unsat).rejects.toThrow(/could not generate output/);
    const broken = mock.complete({ model: 'm', messages, outputSchema: { type: 'nonsense' } });
    await expect(broken).rejects.toBeInstanceOf(ProviderError);
  });

  it('honours latencyMs, timeoutMs and abort signals', async () => {
    const slow = new MockProvider({ latencyMs: 60 });
    const started = Date.now();
    await slow.complete({ model: '', messages });
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    await expect(slow.complete({ model: '', messages, timeoutMs: 10 })).rejects.toMatchObject({ kind: 'timeout', retryable: true });
    const controller = new AbortController();
    const pending = slow.complete({ model: '', messages, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'unknown', retryable: false });
  });
});
