import { describe, expect, it } from 'vitest';
import { extractJson, schemaInstruction } from './json-output';

describe('extractJson', () => {
  it.each([
    ['plain JSON', '{"a":1}', { a: 1 }],
    ['surrounding whitespace and BOM', '\uFEFF  [1,2]\n', [1, 2]],
    ['fenced json block', 'Here you go:\n```json\n{"a": {"b": [1]}}\n```\nAnything else?', { a: { b: [1] } }],
    ['fence without language', '```\n{"x":true}\n```', { x: true }],
    ['leading prose', 'Sure! The answer is {"ok": true, "text": "a } in a string"} hope it helps', { ok: true, text: 'a } in a string' }],
    ['think block first', '<think>maybe {"draft":1}</think>\n{"final":2}', { final: 2 }],
    ['skips a non-JSON brace first', 'Use {curly} braces: {"v": 3}', { v: 3 }],
    ['escaped quotes', 'result: {"q": "say \\"hi\\" {"}', { q: 'say "hi" {' }],
    ['bare primitive', '42', 42],
  ])('handles %s', (_label, text, expected) => {
    expect(extractJson(text)).toEqual(expected);
  });

  it('throws a SyntaxError with a useful message when nothing parses', () => {
    expect(() => extractJson('I cannot help with that.')).toThrow(SyntaxError);
    expect(() => extractJson('{"unterminated": ')).toThrow(/no parseable JSON/);
  });

  it('builds an instruction that embeds the schema', () => {
    expect(schemaInstruction({ type: 'object' })).toContain('{"type":"object"}');
  });
});
