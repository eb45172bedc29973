import { describe, expect, it } from 'vitest';
import { type Principal, principalCan, type Scope } from './session';

const keyWith = (scopes: Scope[]): Principal => ({ kind: 'api_key', key_id: 'k', name: 'key', scopes });

describe('principalCan', () => {
  it('lets each scope imply the ones below it, as the API does', () => {
    const can = (principal: Principal) => (['read', 'write', 'admin'] as const).map((scope) => principalCan(principal, scope));
    expect(can(keyWith(['read']))).toEqual([true, false, false]);
    expect(can(keyWith(['write']))).toEqual([true, true, false]);
    expect(can(keyWith(['admin']))).toEqual([true, true, true]);
    expect(can({ kind: 'local', scopes: ['read', 'write', 'admin'] })).toEqual([true, true, true]);
  });

  it('grants nothing when signed out', () => {
    expect(principalCan(null, 'read')).toBe(false);
  });
});
