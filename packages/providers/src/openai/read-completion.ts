export interface ParsedCompletion {
  text: string;
  model: string | undefined;
  usage: { prompt: number; completion: number; total: number | undefined } | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

/**
 * Checks the shape of a 200 body by hand: the SDK trusts the server, and OpenAI-compatible servers
 * (or proxies in front of them) sometimes answer 200 with HTML, plain text or a partial object.
 * Returns the reason it is unusable as a string.
 */
export function readCompletion(body: unknown): ParsedCompletion | string {
  if (!isRecord(body)) return `expected a JSON chat completion object, got ${typeof body}`;
  const choices = body.choices;
  if (!Array.isArray(choices) || choices.length === 0) return 'the body has no "choices"';
  const first: unknown = choices[0];
  if (!isRecord(first) || !isRecord(first.message)) return 'choices[0] has no "message"';
  const { content, refusal } = first.message;
  if (typeof content !== 'string') {
    return typeof refusal === 'string' ? `the model refused: ${refusal.slice(0, 200)}` : 'choices[0].message.content is not a string';
  }
  const usage = isRecord(body.usage) ? body.usage : undefined;
  const prompt = count(usage?.prompt_tokens);
  const completion = count(usage?.completion_tokens);
  return {
    text: content,
    model: typeof body.model === 'string' && body.model !== '' ? body.model : undefined,
    usage: prompt === undefined || completion === undefined ? undefined : { prompt, completion, total: count(usage?.total_tokens) },
  };
}
