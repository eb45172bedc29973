import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatRequestBody } from '@promptops/providers/testing';
import { startTestPipeline, type TestPipeline } from './testing/start-test-pipeline';

const answerSchema = {
  type: 'object',
  properties: { answer: { type: 'string', minLength: 1 }, confidence: { type: 'number', minimum: 0, maximum: 1 } },
  required: ['answer', 'confidence'],
  additionalProperties: false,
};

let p: TestPipeline;
let templateId: string;

function lastRequest(): ChatRequestBody {
  return p.fake.requests.at(-1)!.body as ChatRequestBody;
}

async function rowCount(sql: string, params: unknown[] = []): Promise<number> {
  const rows = await p.db.orm.em.fork().getConnection().execute<{ n: string }[]>(sql, params);
  return Number(rows[0]?.n ?? 0);
}

beforeAll(async () => {
  p = await startTestPipeline();
  const created = await p.call('POST', '/v1/templates', {
    name: 'Question Answerer',
    system_prompt: 'You answer questions about {{ topic }}.',
    user_prompt_template: 'Question: {{ question }}{% if hints %}\nHints:{% for h in hints %}\n- {{ h }}{% endfor %}{% endif %}',
    provider: 'fake',
    model: 'gpt-4o-mini',
    max_validation_retries: 2,
    input_schema: {
      type: 'object',
      properties: { topic: { type: 'string' }, question: { type: 'string', minLength: 3 }, hints: { type: 'array', items: { type: 'string' } } },
      required: ['topic', 'question', 'hints'],
    },
    output_schema: answerSchema,
  });
  expect(created.status).toBe(201);
  templateId = created.body.id;
});

afterAll(async () => {
  await p?.close();
});

beforeEach(() => p.fake.reset());

const context = { topic: 'geography', question: 'What is the capital of France?', hints: ['Europe'] };

describe('execution pipeline', () => {
  it('renders, calls the provider through the SDK, validates, and records tokens, cost and usage', async () => {
    p.fake.enqueue({ type: 'json', value: { answer: 'Paris', confidence: 0.97 }, usage: { prompt_tokens: 120, completion_tokens: 30 } });
    const before = await rowCount('select usage_count as n from prompt_templates where id = ?', [templateId]);
    const execution = await p.execute({ template_id: templateId, context });
    expect(execution).toMatchObject({
      status: 'succeeded',
      kind: 'template',
      provider: 'fake',
      model: 'gpt-4o-mini',
      parsed_output: { answer: 'Paris', confidence: 0.97 },
      prompt_tokens: 120,
      completion_tokens: 30,
      total_tokens: 150,
      tokens_used: 150,
      attempts: 1,
      rendered_system_prompt: 'You answer questions about geography.',
      rendered_user_prompt: 'Question: What is the capital of France?\nHints:\n- Europe',
    });
    expect(execution.cost_usd).toBeGreaterThan(0);
    expect(execution.execution_time_ms).toBeGreaterThanOrEqual(0);
    const request = lastRequest();
    expect(request.response_format).toMatchObject({ type: 'json_schema' });
    expect(request.messages).toEqual([
      { role: 'system', content: 'You answer questions about geography.' },
      { role: 'user', content: 'Question: What is the capital of France?\nHints:\n- Europe' },
    ]);
    expect(await rowCount('select usage_count as n from prompt_templates where id = ?', [templateId])).toBe(before + 1);
  });

  it('rejects a context that breaks the input schema at once, writing nothing', async () => {
    const before = await rowCount('select count(*) as n from prompt_executions');
    const response = await p.call('POST', '/v1/executions', { template_id: templateId, context: { topic: 1, question: 'x' } });
    expect(response.status).toBe(422);
    expect(response.body.error.type).toBe('validation_error');
    expect(JSON.stringify(response.body.error.details)).toContain('/topic');
    expect(await rowCount('select count(*) as n from prompt_executions')).toBe(before);
  });

  it('asks again with the validation errors fed back, and succeeds', async () => {
    p.fake.enqueue(
      { type: 'reply', content: 'Sure! The answer is Paris.' },
      { type: 'json', value: { answer: 'Paris' } },
      { type: 'json', value: { answer: 'Paris', confidence: 0.9 } },
    );
    const execution = await p.execute({ template: 'Question Answerer', context });
    expect(execution.status).toBe('succeeded');
    expect(execution.attempts).toBe(3);
    expect(execution.attempt_log.map((a: any) => a.outcome)).toEqual(['invalid_output', 'invalid_output', 'succeeded']);
    const third = lastRequest().messages!;
    expect(third.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'user']);
    expect(third[3]!.content).toContain('not valid JSON');
    expect(third[5]!.content).toContain("must have required property 'confidence'");
  });

  it('fails with kind validation when every attempt breaks the schema', async () => {
    p.fake.setDefault({ type: 'json', value: { answer: '' } });
    const execution = await p.execute({ template: 'Question Answerer@1', context });
    p.fake.setDefault({ type: 'default' });
    expect(execution).toMatchObject({ status: 'failed', failure_kind: 'validation', attempts: 3 });
    expect(execution.error_message).toContain('/answer');
    expect(execution.parsed_output).toEqual({ answer: '' });
  });

  it('retries 5xx and malformed bodies with backoff, then succeeds', async () => {
    p.fake.enqueue({ type: 'status', status: 503 }, { type: 'malformed', raw: '{"choices": [' }, { type: 'json', value: { answer: 'Paris', confidence: 1 } });
    const execution = await p.execute({ template_id: templateId, context });
    expect(execution.status).toBe('succeeded');
    expect(execution.attempt_log.map((a: any) => a.outcome)).toEqual(['provider_error', 'provider_error', 'succeeded']);
  });

  it('honours Retry-After on 429', async () => {
    p.fake.enqueue({ type: 'status', status: 429, retryAfter: '1' }, { type: 'json', value: { answer: 'Paris', confidence: 1 } });
    const started = Date.now();
    const execution = await p.execute({ template_id: templateId, context });
    expect(execution.status).toBe('succeeded');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(execution.attempt_log[0].error).toMatch(/429|rate/i);
  });

  it('fails at once on 401 without retrying, and keeps the key out of the record', async () => {
    p.fake.enqueue({ type: 'status', status: 401 });
    const execution = await p.execute({ template_id: templateId, context });
    expect(execution).toMatchObject({ status: 'failed', failure_kind: 'provider', attempts: 1 });
    expect(p.fake.requests).toHaveLength(1);
  });

  it('fails with kind timeout when the provider hangs on every attempt', async () => {
    p.fake.setDefault({ type: 'hang' });
    try {
      const submitted = await p.call('POST', '/v1/executions', { template_id: templateId, context });
      const execution = await p.services.executions.waitForCompletion(submitted.body.id, 40_000);
      expect(execution).toMatchObject({ status: 'failed', failure_kind: 'timeout' });
      expect(execution.attempt_log.length).toBeGreaterThan(1);
    } finally {
      p.fake.setDefault({ type: 'default' });
    }
  }, 60_000);

  it('fails with kind render when the template needs a variable the context lacks', async () => {
    const created = await p.call('POST', '/v1/templates', { name: 'No Schema', user_prompt_template: 'Hello {{ user.name }}', provider: 'fake' });
    // Submission refuses a context without `user` itself; one without `user.name` gets as far as rendering.
    const execution = await p.execute({ template_id: created.body.id, context: { user: {} } });
    expect(execution).toMatchObject({ status: 'failed', failure_kind: 'render' });
    expect(execution.error_message).toContain("has no attribute 'name'");
    expect(p.fake.requests).toHaveLength(0);
  });

  it('runs raw prompts with an output schema', async () => {
    const execution = await p.execute({ system_prompt: 'Be terse.', user_prompt: 'Name a colour.', provider: 'mock', output_schema: answerSchema });
    expect(execution).toMatchObject({ status: 'succeeded', kind: 'raw', provider: 'mock', model: 'mock-1', rendered_user_prompt: 'Name a colour.' });
    expect(execution.parsed_output).toHaveProperty('answer');
  });

  it('returns the same execution for a repeated Idempotency-Key', async () => {
    const headers = { 'idempotency-key': `key-${Date.now()}` };
    const first = await p.call('POST', '/v1/executions', { template_id: templateId, context }, headers);
    const second = await p.call('POST', '/v1/executions', { template_id: templateId, context }, headers);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await rowCount('select count(*) as n from prompt_executions where idempotency_key = ?', [headers['idempotency-key']])).toBe(1);
    await p.services.executions.waitForCompletion(first.body.id, 10_000);
  });

  it('refuses a version deleted after it was first used by id, creating nothing', async () => {
    const created = await p.call('POST', '/v1/templates', { name: 'Short Lived', user_prompt_template: 'Hi {{ name }}', provider: 'mock' });
    const first = await p.execute({ template_id: created.body.id, context: { name: 'a' } });
    expect(first.status).toBe('succeeded');
    // It has an execution, so the delete is soft: the row stays, and only the version check can refuse.
    expect((await p.call('DELETE', `/v1/templates/${created.body.id}`)).status).toBe(200);
    const refused = await p.call('POST', '/v1/executions', { template_id: created.body.id, context: { name: 'b' } });
    expect(refused.status).toBe(404);
    expect(refused.body.error.type).toBe('not_found');
    expect(await rowCount('select count(*) as n from prompt_executions where template_id = ?', [created.body.id])).toBe(1);
  });

  it('counts template usage atomically under concurrency', async () => {
    const before = await rowCount('select usage_count as n from prompt_templates where id = ?', [templateId]);
    const submitted = await Promise.all(Array.from({ length: 25 }, () => p.call('POST', '/v1/executions', { template_id: templateId, context })));
    const done = await Promise.all(submitted.map((s) => p.services.executions.waitForCompletion(s.body.id, 20_000)));
    expect(done.every((e) => e.status === 'succeeded')).toBe(true);
    expect(await rowCount('select usage_count as n from prompt_templates where id = ?', [templateId])).toBe(before + 25);
  });

  it('lists executions filtered by template, status and time range', async () => {
    const all = await p.call('GET', `/v1/executions?template_id=${templateId}&status=succeeded&limit=5`);
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(5);
    expect(all.body.total).toBeGreaterThan(5);
    expect(all.body.items.every((e: any) => e.template_id === templateId && e.status === 'succeeded')).toBe(true);
    const future = await p.call('GET', `/v1/executions?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(future.body.total).toBe(0);
    expect((await p.call('GET', '/v1/executions?status=bogus')).status).toBe(400);
  });

  it('cancels a queued execution', async () => {
    await p.stopWorker();
    try {
      const submitted = await p.call('POST', '/v1/executions', { template_id: templateId, context });
      const cancelled = await p.call('POST', `/v1/executions/${submitted.body.id}/cancel`);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', failure_kind: 'cancelled' });
    } finally {
      p.startWorker();
    }
  });

  it('answers bad submissions with 4xx and writes nothing', async () => {
    const before = await rowCount('select count(*) as n from prompt_executions');
    const cases: [unknown, number][] = [
      [{}, 400],
      [{ template_id: 'nope', context }, 400],
      [{ template_id: templateId, user_prompt: 'x' }, 400],
      [{ template: 'Does Not Exist', context: {} }, 404],
      [{ user_prompt: 'x', provider: 'nowhere' }, 400],
      [{ user_prompt: 'x', output_schema: { type: 'bogus' } }, 422],
      [{ user_prompt: 'x', surprise: true }, 400],
      ['{"user_prompt": ', 400],
    ];
    for (const [body, status] of cases) {
      const response = await p.call('POST', '/v1/executions', body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.error).toMatchObject({ type: expect.any(String), message: expect.any(String) });
    }
    expect(await rowCount('select count(*) as n from prompt_executions')).toBe(before);
  });
});
