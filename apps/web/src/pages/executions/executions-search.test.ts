import { describe, expect, it } from 'vitest';
import { validateExecutionsSearch } from './executions-search';

describe('executions search', () => {
  it('keeps valid filters and drops unknown values', () => {
    expect(validateExecutionsSearch({ template: 'Greeter@2', status: 'failed', failure_kind: 'nope', kind: 'raw', page: '3', from: 'soon' })).toEqual({
      template: 'Greeter@2',
      status: 'failed',
      kind: 'raw',
      page: 3,
    });
  });
});
