import { describe, expect, it } from 'vitest';
import { type ApiKey, broadestScope, grantedScopes, isImplied, sortKeys, toggleScope } from './key-scopes';

describe('key scopes', () => {
  it('grants the scopes below the highest one selected', () => {
    expect([...grantedScopes(['admin'])]).toEqual(['read', 'write', 'admin']);
    expect([...grantedScopes(['write'])]).toEqual(['read', 'write']);
    expect([...grantedScopes(['read'])]).toEqual(['read']);
    expect([...grantedScopes([])]).toEqual([]);
  });

  it('marks lower scopes as implied by a higher one', () => {
    expect(isImplied('read', ['write'])).toBe(true);
    expect(isImplied('write', ['admin'])).toBe(true);
    expect(isImplied('write', ['write'])).toBe(false);
    expect(isImplied('admin', ['write'])).toBe(false);
  });

  it('keeps only the highest ticked scope', () => {
    expect(toggleScope(['read'], 'write', true)).toEqual(['write']);
    expect(toggleScope(['write'], 'admin', true)).toEqual(['admin']);
    expect(toggleScope(['admin'], 'admin', false)).toEqual([]);
    expect(toggleScope([], 'read', true)).toEqual(['read']);
  });

  it('names the broadest scope of a key', () => {
    expect(broadestScope(['read', 'write'])).toBe('write');
    expect(broadestScope(['admin'])).toBe('admin');
    expect(broadestScope([])).toBeNull();
  });
});

describe('key list order', () => {
  const key = (id: string, created_at: string, revoked_at: string | null = null): ApiKey => ({
    id,
    name: id,
    scopes: ['read'],
    key_prefix: `po_${id}`,
    created_at,
    last_used_at: null,
    revoked_at,
  });

  it('lists active keys first, newest first', () => {
    const keys = [
      key('old', '2025-01-01T00:00:00.000Z'),
      key('revoked-new', '2025-03-01T00:00:00.000Z', '2025-03-02T00:00:00.000Z'),
      key('new', '2025-02-01T00:00:00.000Z'),
      key('revoked-old', '2024-12-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z'),
    ];
    expect(sortKeys(keys).map((item) => item.id)).toEqual(['new', 'old', 'revoked-new', 'revoked-old']);
  });
});
