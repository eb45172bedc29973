import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { previewProblem, renderErrorMarkers, saveProblem } from './error-feedback';

// Bodies as the API answers them (captured from POST /v1/templates/preview and /v1/templates).
const syntaxError = ApiError.fromBody(422, {
  error: {
    type: 'render_error',
    message: 'user_prompt_template: Template syntax error at line 2, column 7: unexpected token: %}',
    details: { kind: 'syntax', line: 2, column: 7, reason: 'unexpected token: %}', field: 'user_prompt_template' },
  },
});
const undefinedError = ApiError.fromBody(422, {
  error: {
    type: 'render_error',
    message: "system_prompt: 'role' is undefined",
    details: { kind: 'undefined', variable: 'role', line: 1, column: 12, field: 'system_prompt' },
  },
});
const contextError = ApiError.fromBody(422, {
  error: {
    type: 'validation_error',
    message: "context does not match its schema: /: must have required property 'b'; /a: must be string",
    details: {
      violations: [
        { path: '/', message: "must have required property 'b'", keyword: 'required', params: { missingProperty: 'b' } },
        { path: '/a', message: 'must be string', keyword: 'type', params: { type: 'string' } },
      ],
    },
  },
});

describe('renderErrorMarkers', () => {
  it('marks a syntax error at its line and column in the prompt it came from, with the bare reason', () => {
    expect(renderErrorMarkers(syntaxError)).toEqual({ user_prompt_template: [{ line: 2, column: 7, message: 'unexpected token: %}' }] });
  });

  it('strips the field prefix when there is no separate reason', () => {
    expect(renderErrorMarkers(undefinedError)).toEqual({ system_prompt: [{ line: 1, column: 12, message: "'role' is undefined" }] });
  });

  it('marks the whole first line when the renderer could not place the error (a timeout)', () => {
    const timeout = ApiError.fromBody(422, {
      error: { type: 'render_error', message: 'user_prompt_template: render timed out', details: { field: 'user_prompt_template', line: null, column: null } },
    });
    expect(renderErrorMarkers(timeout)).toEqual({ user_prompt_template: [{ line: null, column: null, message: 'render timed out' }] });
  });

  it('marks nothing for other errors', () => {
    expect(renderErrorMarkers(contextError)).toEqual({});
    expect(renderErrorMarkers(new Error('offline'))).toEqual({});
  });
});

describe('previewProblem', () => {
  it('names the prompt that fails, the undefined variable and where it is used', () => {
    expect(previewProblem(undefinedError)).toMatchObject({
      kind: 'render',
      title: 'The system prompt does not render',
      message: "'role' is undefined (line 1, column 12)",
      missingVariable: 'role',
    });
  });

  it('does not repeat a place the message already gives', () => {
    expect(previewProblem(syntaxError)).toMatchObject({
      title: 'The user prompt template does not render',
      message: 'Template syntax error at line 2, column 7: unexpected token: %}',
      markers: { user_prompt_template: [{ line: 2, column: 7 }] },
      missingVariable: null,
    });
  });

  it('lists context violations, pointing a missing property at itself', () => {
    expect(previewProblem(contextError)).toMatchObject({
      kind: 'context',
      violations: [
        { path: '/b', message: "must have required property 'b'" },
        { path: '/a', message: 'must be string' },
      ],
    });
  });

  it('tells an invalid input schema apart from an invalid context', () => {
    const schemaError = ApiError.fromBody(422, {
      error: {
        type: 'schema_error',
        message: 'input_schema is not a valid JSON Schema',
        details: { violations: [{ path: '/type', message: 'must be equal to one of the allowed values', keyword: 'enum', params: {} }] },
      },
    });
    expect(previewProblem(schemaError)).toMatchObject({ kind: 'input_schema', violations: [{ path: '/type' }] });
  });

  it('keeps a network failure as a plain message', () => {
    expect(previewProblem(new ApiError(0, 'network_error', 'Cannot reach the server'))).toEqual({
      kind: 'other',
      title: 'The preview failed',
      message: 'Cannot reach the server',
      markers: {},
      violations: [],
      missingVariable: null,
    });
  });
});

describe('saveProblem', () => {
  it('puts request-validation issues under their fields, a nested path under its top field', () => {
    const error = ApiError.fromBody(400, {
      error: {
        type: 'invalid_request',
        message: 'Invalid request body: temperature: Too big',
        details: {
          issues: [
            { path: 'temperature', message: 'Too big: expected number to be <=2', code: 'too_big' },
            { path: 'input_schema.properties', message: 'Invalid input', code: 'invalid_type' },
          ],
        },
      },
    });
    expect(saveProblem(error)).toEqual({
      fields: { temperature: 'Too big: expected number to be <=2', input_schema: 'Invalid input' },
      markers: {},
      general: null,
    });
  });

  it('keeps issues with no field of the form as a general message', () => {
    const error = ApiError.fromBody(400, {
      error: {
        type: 'invalid_request',
        message: 'Invalid request body: (root): Unrecognized key',
        details: { issues: [{ path: '(root)', message: 'Unrecognized key', code: 'unrecognized_keys' }] },
      },
    });
    expect(saveProblem(error)).toEqual({ fields: {}, markers: {}, general: 'Invalid request body: (root): Unrecognized key' });
  });

  it('uses details.field of domain checks', () => {
    const error = ApiError.fromBody(400, {
      error: { type: 'invalid_request', message: 'provider must be one of openai, xai, auto, mock', details: { field: 'provider', allowed: ['openai'] } },
    });
    expect(saveProblem(error).fields).toEqual({ provider: 'provider must be one of openai, xai, auto, mock' });
  });

  it('marks a syntax error refused at save time in its editor and under the field', () => {
    expect(saveProblem(syntaxError)).toEqual({
      fields: { user_prompt_template: 'Template syntax error at line 2, column 7: unexpected token: %}' },
      markers: { user_prompt_template: [{ line: 2, column: 7, message: 'unexpected token: %}' }] },
      general: null,
    });
  });

  it('puts an invalid schema under the schema it names', () => {
    const error = ApiError.fromBody(422, {
      error: {
        type: 'schema_error',
        message: 'output schema is not a valid JSON Schema (draft 2020-12): /type: must be equal to one of the allowed values',
        details: { violations: [] },
      },
    });
    expect(saveProblem(error).fields).toEqual({ output_schema: error.message });
  });

  it('puts a taken name under the name field', () => {
    const error = ApiError.fromBody(409, {
      error: { type: 'conflict', message: 'A template named "Greeter" already exists', details: { name: 'Greeter', action: 'create_version' } },
    });
    expect(saveProblem(error)).toEqual({
      fields: { name: 'A template named "Greeter" already exists. Pick another name, or edit that template to add a version.' },
      markers: {},
      general: null,
    });
  });
});
