import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { countImportItems, detectImportFormat, importFailure } from './import-file';

describe('import files', () => {
  it('tell JSON from JSON Lines by extension, then by content', () => {
    expect(detectImportFormat('cases.jsonl', '[]')).toBe('jsonl');
    expect(detectImportFormat('cases.NDJSON', '')).toBe('jsonl');
    expect(detectImportFormat('cases.json', '{"input_data": {}}')).toBe('json');
    expect(detectImportFormat('cases.txt', ' \n[{"input_data": {}}]')).toBe('json');
    expect(detectImportFormat('cases.txt', '{"entries": [{"input_data": {}}]}')).toBe('json');
    expect(detectImportFormat('cases', '{"input_data": {"a": 1}}\n{"input_data": {"a": 2}}')).toBe('jsonl');
    // A single entry on one line is one line of JSON Lines, not a wrapper.
    expect(detectImportFormat('cases', '{"input_data": {"a": 1}}')).toBe('jsonl');
  });

  it('count the entries a file holds before sending it', () => {
    expect(countImportItems('jsonl', '{"a":1}\n\n{"a":2}\n')).toBe(2);
    expect(countImportItems('json', '[{}, {}, {}]')).toBe(3);
    expect(countImportItems('json', '{"entries": [{}]}')).toBe(1);
    expect(countImportItems('json', '[{')).toBeNull();
  });

  it('list malformed lines as the API reports them', () => {
    const error = new ApiError(400, 'invalid_request', 'Import rejected, nothing was written: 3 problem(s)', {
      issues: [
        { line: 5, path: 'input_data', message: 'must be a JSON object' },
        { line: 9, path: '(root)', message: 'is not valid JSON: Unexpected end' },
      ],
      issue_count: 3,
      truncated: true,
    });
    expect(importFailure(error)).toEqual({
      message: 'Import rejected, nothing was written: 3 problem(s)',
      problems: [
        { where: 'Line 5', field: 'input_data', message: 'must be a JSON object' },
        { where: 'Line 9', field: '(root)', message: 'is not valid JSON: Unexpected end' },
      ],
      unlisted: 1,
    });
  });

  it("list entries breaking the template's input schema, one row per violation", () => {
    const error = new ApiError(422, 'validation_error', 'Import rejected', {
      entries: [
        { index: 1, violations: [{ path: '', message: "must have required property 'city'" }] },
        { index: 2, violations: [{ path: '/city', message: 'must be string' }] },
      ],
      invalid_count: 2,
      truncated: false,
    });
    expect(importFailure(error).problems).toEqual([
      { where: 'Item 1', field: 'input_data', message: "must have required property 'city'" },
      { where: 'Item 2', field: 'input_data/city', message: 'must be string' },
    ]);
  });

  it('keep just the message for other failures', () => {
    expect(importFailure(new ApiError(413, 'payload_too_large', 'Too many', { limit_entries: 10000 }))).toEqual({
      message: 'Too many',
      problems: [],
      unlisted: 0,
    });
    expect(importFailure(new Error('offline'))).toEqual({ message: 'offline', problems: [], unlisted: 0 });
  });
});
