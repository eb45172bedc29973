import { describe, expect, it } from 'vitest';
import { principalCan, type Scope } from './scopes';

describe('principalCan', () => {
  it('lets each scope imply the ones below it, as the API does', () => {
    const can = (scopes: Scope[]) => (['read', 'write', 'admin'] as const).map((scope) => principalCan({ scopes }, scope));
    expect(can(['read'])).toEqual([true, false, false]);
    expect(can(['write'])).toEqual([true, true, false]);
    expect(can(['admin'])).toEqual([true, true, true]);
  });

  it('grants nothing when signed out', () => {
    expect(principalCan(null, 'read')).toBe(false);
  });
});
