import { describe, expect, it } from 'vitest';
import { elapsedMs, type Execution, schemaValidity } from './execution-result';

// A real answer of GET /v1/executions/{id} (mock provider), the base for the cases below.
const succeeded: Execution = {
  id: '49844053-78ca-4a0b-9d44-0ac38844f32e',
  kind: 'template',
  status: 'succeeded',
  failure_kind: null,
  error_message: null,
  template_id: '7e3abe0c-3f7f-451c-b1d8-a502c0d46f45',
  dataset_entry_id: null,
  run_id: null,
  repetition: 0,
  input_context: { user: { name: 'ada' } },
  provider: 'mock',
  model: 'mock-1',
  temperature: 0.7,
  max_tokens: null,
  rendered_system_prompt: 'You greet people warmly.',
  rendered_user_prompt: 'Greet Ada.',
  output_schema: { type: 'object', required: ['greeting'], properties: { greeting: { type: 'string' } } },
  response_text: '{"greeting":"mock echo"}',
  parsed_output: { greeting: 'mock echo' },
  prompt_tokens: 11,
  completion_tokens: 6,
  total_tokens: 17,
  tokens_used: 17,
  cost_usd: 0,
  execution_time_ms: 148,
  attempts: 1,
  attempt_log: [{ attempt: 1, outcome: 'succeeded', started_at: '2026-12-07T04:29:26.406Z', duration_ms: 129, prompt_tokens: 11, completion_tokens: 6 }],
  generated_template_id: null,
  request_id: '1808aa39-ba23-41c0-a23a-3a31c98b53ef',
  executed_at: '2026-12-07T04:29:26.354Z',
  started_at: '2026-12-07T04:29:26.381Z',
  finished_at: '2026-12-07T04:29:26.535Z',
};

const invalidAttempt = {
  attempt: 2,
  outcome: 'invalid_output',
  started_at: '2026-12-07T04:29:27.000Z',
  duration_ms: 80,
  error: "output does not match the output schema: /: must have required property 'greeting'",
  validation_errors: [{ path: '/', message: "must have required property 'greeting'", keyword: 'required', params: { missingProperty: 'greeting' } }],
  prompt_tokens: 30,
  completion_tokens: 4,
};

describe('elapsedMs', () => {
  it('measures elapsed time to the finish, or to now while running', () => {
    expect(elapsedMs(succeeded, Date.parse('2030-01-01T00:00:00Z'))).toBe(181);
    expect(elapsedMs({ executed_at: '2026-12-07T04:29:26.000Z', finished_at: null }, Date.parse('2026-12-07T04:29:28.500Z'))).toBe(2500);
  });
});

describe('schemaValidity', () => {
  it('is valid when a run with an output schema succeeded', () => {
    expect(schemaValidity(succeeded)).toEqual({ state: 'valid' });
  });

  it('is pending while running, and not applicable without a schema', () => {
    expect(schemaValidity({ ...succeeded, status: 'running', finished_at: null })).toEqual({ state: 'pending' });
    expect(schemaValidity({ ...succeeded, output_schema: null })).toEqual({ state: 'no_schema' });
  });

  it('is invalid on a validation failure, with the last invalid attempt errors', () => {
    const failed: Execution = {
      ...succeeded,
      status: 'failed',
      failure_kind: 'validation',
      error_message: 'output does not match (after 2 attempts)',
      attempt_log: [{ ...invalidAttempt, attempt: 1 }, invalidAttempt],
    };
    expect(schemaValidity(failed)).toEqual({
      state: 'invalid',
      violations: [{ path: '/greeting', message: "must have required property 'greeting'" }],
      message: invalidAttempt.error,
    });
  });

  it('was never checked when the run failed before any output', () => {
    expect(schemaValidity({ ...succeeded, status: 'failed', failure_kind: 'provider', attempt_log: [] })).toEqual({ state: 'not_reached' });
  });
});
