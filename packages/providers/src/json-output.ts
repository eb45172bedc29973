const FENCE = /```[a-zA-Z0-9_-]*[^\S\n]*\n?([\s\S]*?)```/g;
// Reasoning models served through Ollama/vLLM often prefix their answer with a think block.
const THINK_BLOCK = /<think>[\s\S]*?<\/think>/gi;
const MAX_SCAN_STARTS = 50;

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** End index (exclusive) of the balanced object/array starting at `start`, or -1. */
function balancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') stack.push('}');
    else if (ch === '[') stack.push(']');
    else if (ch === '}' || ch === ']') {
      if (stack.pop() !== ch) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Pulls the JSON value out of an LLM answer: the whole text, else the first fenced block that
 * parses, else the first balanced `{...}` / `[...]` after leading prose. Throws a SyntaxError whose
 * message can be fed back to the model when nothing parses.
 */
export function extractJson(text: string): unknown {
  const cleaned = text
    .replace(/^\uFEFF/, '')
    .replace(THINK_BLOCK, '')
    .trim();
  const whole = tryParse(cleaned);
  if (whole.ok) return whole.value;

  for (const match of cleaned.matchAll(FENCE)) {
    const block = tryParse((match[1] ?? '').trim());
    if (block.ok) return block.value;
  }

  let starts = 0;
  for (let i = 0; i < cleaned.length && starts < MAX_SCAN_STARTS; i++) {
    const ch = cleaned[i];
    if (ch !== '{' && ch !== '[') continue;
    starts++;
    const end = balancedEnd(cleaned, i);
    if (end === -1) continue;
    const candidate = tryParse(cleaned.slice(i, end));
    if (candidate.ok) return candidate.value;
  }
  throw new SyntaxError('The response contains no parseable JSON value (expected a JSON object or array, optionally in a ```json block)');
}

/** System-message text asking for schema-conformant JSON, for servers without json_schema support. */
export function schemaInstruction(schema: object): string {
  return [
    'Respond with a single JSON value that validates against the following JSON Schema.',
    'Output only the JSON: no prose, no explanations, no code fences.',
    'JSON Schema:',
    JSON.stringify(schema),
  ].join('\n');
}
