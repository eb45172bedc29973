import { describe, expect, it } from 'vitest';
import { defaultRollbackVersion } from './rollback-choice';

const versions = (...numbers: number[]) => numbers.map((version_number) => ({ version_number }));

describe('defaultRollbackVersion', () => {
  it('offers the highest version below the current one', () => {
    expect(defaultRollbackVersion(versions(5, 4, 2, 1), 4)).toBe(2);
    expect(defaultRollbackVersion(versions(1, 3, 2), 3)).toBe(2);
  });

  it('offers another version when none is lower', () => {
    expect(defaultRollbackVersion(versions(3, 2, 1), 1)).toBe(3);
  });

  it('falls back to the only version, and to nothing for an empty list', () => {
    expect(defaultRollbackVersion(versions(1), 1)).toBe(1);
    expect(defaultRollbackVersion([], 1)).toBeUndefined();
  });
});
