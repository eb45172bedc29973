import { describe, expect, it } from 'vitest';
import { generationStage } from './generation-stage';

const base = { failure_kind: null, error_message: null, generated_template_id: null };

describe('generation stage', () => {
  it('waits while queued or running', () => {
    expect(generationStage(undefined)).toEqual({ kind: 'waiting', message: 'Queued: waiting for a worker…' });
    expect(generationStage({ ...base, status: 'queued' }).kind).toBe('waiting');
    expect(generationStage({ ...base, status: 'running' })).toEqual({ kind: 'waiting', message: 'The model is writing the prompt…' });
  });

  it('points at the draft once one is saved', () => {
    expect(generationStage({ ...base, status: 'succeeded', generated_template_id: 't-1' })).toEqual({ kind: 'drafted', templateId: 't-1' });
  });

  it('explains failures with the error the worker recorded', () => {
    expect(generationStage({ ...base, status: 'failed', failure_kind: 'validation', error_message: 'output does not match' })).toEqual({
      kind: 'failed',
      message: 'The model never produced a valid template: output does not match',
    });
    expect(generationStage({ ...base, status: 'failed', failure_kind: 'provider', error_message: 'rate limited' })).toEqual({
      kind: 'failed',
      message: 'The generation failed: rate limited',
    });
    expect(generationStage({ ...base, status: 'cancelled' })).toEqual({ kind: 'failed', message: 'The generation was cancelled.' });
  });

  it('treats a success without a draft as a failure', () => {
    expect(generationStage({ ...base, status: 'succeeded' }).kind).toBe('failed');
  });
});
