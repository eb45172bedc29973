import { generateInstance } from '../mock/schema-instance';
import { seedOf } from '../mock/seeded-random';
import { estimateTokens } from '../token-estimate';
import type { ChatRequestBody, FakeUsage } from './behaviours';

let counter = 0;

export function completionBody(body: ChatRequestBody, content: string, usage: Partial<FakeUsage> = {}): object {
  const prompt = usage.prompt_tokens ?? estimateTokens((body.messages ?? []).map((m) => String(m.content)).join(''));
  const completion = usage.completion_tokens ?? estimateTokens(content);
  return {
    id: `chatcmpl-fake-${++counter}`,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: body.model || 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: usage.total_tokens ?? prompt + completion },
  };
}

export function errorBody(status: number): object {
  const types: Record<number, [string, string]> = {
    400: ['invalid_request_error', 'Invalid request (fake server)'],
    401: ['invalid_request_error', 'Incorrect API key provided (fake server)'],
    403: ['invalid_request_error', 'Permission denied (fake server)'],
    404: ['invalid_request_error', 'The model does not exist (fake server)'],
    429: ['rate_limit_exceeded', 'Rate limit reached (fake server)'],
  };
  const [type, message] = types[status] ?? ['server_error', `Fake server error ${status}`];
  return { error: { message, type, param: null, code: status === 429 ? 'rate_limit_exceeded' : null } };
}

/** Same reply for the same request: schema-valid JSON for json_schema, a JSON object for json_object, else an echo. */
export function defaultContent(body: ChatRequestBody): string {
  const format = body.response_format;
  if (format?.type === 'json_schema' && format.json_schema?.schema) {
    try {
      // Best effort like the mock: an unsatisfiable schema still yields the closest attempt.
      return JSON.stringify(generateInstance(format.json_schema.schema, seedOf([body.model, body.messages])).value);
    } catch {
      return '{}'; // the schema does not compile; a real server would 400, but tests rarely want that here
    }
  }
  const last = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  const echo = String(last?.content ?? '').slice(0, 60);
  if (format?.type === 'json_object') return JSON.stringify({ reply: `fake: ${echo}` });
  return `fake: ${echo}`;
}
