import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { draftFromExecution, entriesFromDrafts, problemsByIndex } from './add-to-dataset';

const execution = {
  input_context: { ticket: 'Checkout is down' },
  parsed_output: { severity: 'high' },
  response_text: '{"severity":"high"}',
  output_schema: { type: 'object' },
};

describe('executions as dataset entries', () => {
  it('take the context as input data and the parsed output as expected output', () => {
    expect(draftFromExecution(execution, ['prod'])).toEqual({
      input: '{\n  "ticket": "Checkout is down"\n}',
      expected: '{\n  "severity": "high"\n}',
      tags: ['prod'],
    });
  });

  it('take the text when the template asked for no structured output', () => {
    expect(draftFromExecution({ ...execution, output_schema: null, parsed_output: undefined, response_text: 'Hello Ada' }).expected).toBe('"Hello Ada"');
  });

  it('leave the expected output empty when the execution produced none', () => {
    expect(draftFromExecution({ ...execution, parsed_output: null, response_text: null }).expected).toBe('');
  });

  it('become import entries once every draft parses', () => {
    const drafts = [draftFromExecution(execution), { input: '{"q": 1}', expected: '', tags: ['x'] }];
    expect(entriesFromDrafts(drafts)).toEqual({
      entries: [
        { input_data: { ticket: 'Checkout is down' }, expected_output: { severity: 'high' }, tags: [] },
        { input_data: { q: 1 }, expected_output: null, tags: ['x'] },
      ],
      errors: null,
    });
    const broken = entriesFromDrafts([drafts[0] as never, { input: '[]', expected: 'oops', tags: [] }]);
    expect(broken.errors?.get(1)).toEqual([
      'Input data: Must be a JSON object, e.g. {"question": "…"}',
      expect.stringMatching(/^Expected output: Not valid JSON/),
    ]);
  });

  it("map the import API's problems back to the entries it was sent", () => {
    const malformed = new ApiError(400, 'invalid_request', 'Import rejected', { issues: [{ index: 2, path: 'tags.0', message: 'must not be blank' }] });
    expect(problemsByIndex(malformed)).toEqual(new Map([[2, ['tags.0 must not be blank']]]));
    const schema = new ApiError(422, 'validation_error', 'Import rejected', {
      entries: [
        {
          index: 0,
          violations: [
            { path: '/ticket', message: 'must be string' },
            { path: '', message: "must have required property 'lang'" },
          ],
        },
      ],
    });
    expect(problemsByIndex(schema)).toEqual(new Map([[0, ['input_data/ticket must be string', "input_data must have required property 'lang'"]]]));
    expect(problemsByIndex(new Error('offline')).size).toBe(0);
  });
});
