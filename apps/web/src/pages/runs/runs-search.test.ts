import { describe, expect, it } from 'vitest';
import { runsQueryFor, validateRunsSearch } from './runs-search';

const ID = '0b5f1c7e-3d2a-4b8e-9f10-6a7d2c4e8b11';

describe('the runs list URL', () => {
  it('keeps a dataset id, a known status and a page', () => {
    expect(validateRunsSearch({ dataset: ID, status: 'running', page: '2' })).toEqual({ dataset: ID, status: 'running', page: 2 });
  });

  it('drops what the API would refuse', () => {
    expect(validateRunsSearch({ dataset: 'not-an-id', status: 'paused', page: '0' })).toEqual({});
  });

  it('turns into the API query', () => {
    expect(runsQueryFor({ dataset: ID, page: 3 })).toEqual({ dataset_id: ID, status: undefined, limit: 25, offset: 50 });
  });
});
