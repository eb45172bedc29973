import { describe, expect, it } from 'vitest';
import { shapeAttempts, summariseAttempts } from './execution-attempts';

// Entries as the worker writes them (see ExecutionAttempt in @promptops/db and the execution runner).
const invalidThenValid = [
  {
    attempt: 1,
    outcome: 'invalid_output',
    started_at: '2025-03-10T12:00:00.000Z',
    duration_ms: 812,
    error: 'output does not match the output schema: /reply: must NOT have fewer than 1 characters',
    validation_errors: [{ path: '/reply', message: 'must NOT have fewer than 1 characters', keyword: 'minLength', params: { limit: 1 } }],
    prompt_tokens: 152,
    completion_tokens: 6,
  },
  { attempt: 2, outcome: 'succeeded', started_at: '2025-03-10T12:00:01.000Z', duration_ms: 640, prompt_tokens: 190, completion_tokens: 9 },
];

describe('attempt log', () => {
  it('shapes each attempt with its outcome, timing, tokens and validation errors', () => {
    const [first, second] = shapeAttempts(invalidThenValid);
    expect(first).toEqual({
      number: 1,
      outcome: 'invalid_output',
      label: 'Invalid output',
      tone: 'warning',
      startedAt: '2025-03-10T12:00:00.000Z',
      durationMs: 812,
      error: 'output does not match the output schema: /reply: must NOT have fewer than 1 characters',
      violations: [{ path: '/reply', message: 'must NOT have fewer than 1 characters' }],
      promptTokens: 152,
      completionTokens: 6,
    });
    expect(second).toMatchObject({ number: 2, label: 'Succeeded', tone: 'success', error: null, violations: [], completionTokens: 9 });
  });

  it('reads a provider error, which carries no tokens', () => {
    const [attempt] = shapeAttempts([{ attempt: 1, outcome: 'provider_error', started_at: '2025-03-10T12:00:00.000Z', duration_ms: 0, error: 'rate limited' }]);
    expect(attempt).toMatchObject({
      label: 'Provider error',
      tone: 'danger',
      error: 'rate limited',
      promptTokens: null,
      completionTokens: null,
      durationMs: 0,
    });
  });

  it('survives malformed entries instead of breaking the page', () => {
    const attempts = shapeAttempts([null, 'oops', { outcome: 'future_outcome', validation_errors: ['too long', { keyword: 'x' }] }]);
    expect(attempts.map((attempt) => attempt.number)).toEqual([1, 2, 3]);
    expect(attempts[0]).toMatchObject({ outcome: 'unknown', tone: 'neutral', startedAt: null, durationMs: null, error: null });
    expect(attempts[2]).toMatchObject({
      label: 'future outcome',
      violations: [
        { path: '/', message: 'too long' },
        { path: '/', message: '{"keyword":"x"}' },
      ],
    });
    expect(shapeAttempts(undefined)).toEqual([]);
  });

  it('sums the attempts up', () => {
    expect(summariseAttempts(shapeAttempts(invalidThenValid))).toBe('2 attempts: 1 invalid output, 1 succeeded');
    expect(summariseAttempts(shapeAttempts([{ outcome: 'provider_error' }]))).toBe('1 attempt: 1 provider error');
    expect(summariseAttempts([])).toBe('No model call was made');
  });
});
