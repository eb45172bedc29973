import { EXECUTION_KINDS as DB_KINDS, EXECUTION_STATUSES as DB_STATUSES, FAILURE_KINDS as DB_FAILURES } from '@promptops/db';
import { describe, expect, it } from 'vitest';
import { EXECUTION_KINDS, EXECUTION_STATUSES, FAILURE_KINDS, validateExecutionsSearch } from './executions-search';

describe('executions search', () => {
  it('offers exactly the statuses, failure kinds and kinds the database knows', () => {
    expect([...EXECUTION_STATUSES]).toEqual([...DB_STATUSES]);
    expect([...FAILURE_KINDS]).toEqual([...DB_FAILURES]);
    expect([...EXECUTION_KINDS]).toEqual([...DB_KINDS]);
  });

  it('keeps valid filters and drops unknown values', () => {
    expect(validateExecutionsSearch({ template: 'Greeter@2', status: 'failed', failure_kind: 'nope', kind: 'raw', page: '3', from: 'soon' })).toEqual({
      template: 'Greeter@2',
      status: 'failed',
      kind: 'raw',
      page: 3,
    });
  });
});
