import { describe, expect, it } from 'vitest';
import { InvalidRequestError, PayloadTooLargeError } from '@promptops/errors';
import { parseEntryImport } from './import-parsing';

function rejection(run: () => unknown): InvalidRequestError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidRequestError) return error;
    throw error;
  }
  throw new Error('expected an InvalidRequestError');
}

describe('parseEntryImport', () => {
  it('reads a JSON array and the {entries} wrapper, keeping array positions', () => {
    const list = [{ input_data: { a: 1 } }, { input_data: { a: 2 }, expected_output: 'two', tags: ['t'] }];
    expect(parseEntryImport(JSON.stringify(list), 'json')).toEqual([
      { at: { index: 0 }, entry: list[0] },
      { at: { index: 1 }, entry: list[1] },
    ]);
    expect(parseEntryImport(JSON.stringify({ entries: list }), 'json')).toHaveLength(2);
  });

  it('reads JSON Lines, skipping blank lines and tolerating CRLF and a BOM', () => {
    const text = '\uFEFF{"input_data":{"a":1}}\r\n\r\n  \n{"input_data":{"b":2},"expected_output":{"ok":true}}\n';
    expect(parseEntryImport(text, 'jsonl').map((item) => item.at)).toEqual([{ line: 1 }, { line: 4 }]);
  });

  it('reports every bad line with its number, path and reason', () => {
    const text = ['{"input_data":{}}', '{"input_data": [1]}', '{not json', '{"input_data":{},"tags":["", 5],"extra":1}'].join('\n');
    const error = rejection(() => parseEntryImport(text, 'jsonl'));
    expect(error.details).toMatchObject({
      issue_count: 5,
      truncated: false,
      issues: [
        { line: 2, path: 'input_data', message: 'must be a JSON object' },
        { line: 3, path: '(root)', message: expect.stringContaining('not valid JSON') },
        { line: 4, path: 'extra', message: 'is not a known field' },
        { line: 4, path: 'tags.0', message: 'must be a non-empty string' },
        { line: 4, path: 'tags.1', message: 'must be a non-empty string' },
      ],
    });
    expect(error.message).toContain('line 2');
  });

  it('caps the reported issues but counts them all', () => {
    const text = Array.from({ length: 80 }, () => '[]').join('\n');
    const details = rejection(() => parseEntryImport(text, 'jsonl')).details as { issues: unknown[]; issue_count: number; truncated: boolean };
    expect(details.issues).toHaveLength(50);
    expect(details).toMatchObject({ issue_count: 80, truncated: true });
  });

  it('rejects a body that is not JSON, not a list, or empty', () => {
    expect(rejection(() => parseEntryImport('[{"input_data":{}},\n {"a" 1}]', 'json')).message).toMatch(/not valid JSON.*line 2/);
    expect(rejection(() => parseEntryImport('{"input_data":{}}', 'json')).message).toMatch(/JSON array/);
    expect(rejection(() => parseEntryImport('\n\n', 'jsonl')).message).toMatch(/no entries/);
  });

  it('refuses more entries than the limit with a payload-too-large error', () => {
    const text = Array.from({ length: 4 }, () => '{"input_data":{}}').join('\n');
    expect(() => parseEntryImport(text, 'jsonl', 3)).toThrow(PayloadTooLargeError);
    expect(() => parseEntryImport(`[${text.replaceAll('\n', ',')}]`, 'json', 3)).toThrow(PayloadTooLargeError);
  });
});
