import { describe, expect, it } from 'vitest';
import { EXECUTIONS_PAGE_SIZE, executionsQueryFor, versionNumbersById } from './template-executions';

describe('executionsQueryFor', () => {
  it('lists every version of the name by default, and one version when asked', () => {
    expect(executionsQueryFor('Greeter', 3, undefined, undefined)).toEqual({ template: 'Greeter', limit: EXECUTIONS_PAGE_SIZE, offset: 0 });
    expect(executionsQueryFor('Greeter', 3, 'version', 3)).toEqual({ template: 'Greeter@3', limit: 20, offset: 40 });
  });
});

describe('display helpers', () => {
  it('maps version ids to version numbers', () => {
    const map = versionNumbersById([{ id: 'a', version_number: 1 } as never, { id: 'b', version_number: 2 } as never]);
    expect(map.get('b')).toBe(2);
    expect(map.get('gone')).toBeUndefined();
  });
});
