import { describe, expect, it } from 'vitest';
import { shortId, templateIdsToResolve, templateRef } from './template-refs';

describe('template references on a page of executions', () => {
  it('looks each template version up once, in order of appearance', () => {
    const items = [{ template_id: 'b' }, { template_id: null }, { template_id: 'a' }, { template_id: 'b' }];
    expect(templateIdsToResolve(items)).toEqual(['b', 'a']);
    expect(templateIdsToResolve(undefined)).toEqual([]);
  });

  it('bounds the lookups for a page with many versions', () => {
    const items = Array.from({ length: 50 }, (_, index) => ({ template_id: `id-${index}` }));
    expect(templateIdsToResolve(items, 20)).toHaveLength(20);
    expect(templateIdsToResolve(items, 20)[19]).toBe('id-19');
  });

  it('shortens ids and writes name@N references', () => {
    expect(shortId('0d4849b5-3a26-42c6-b884-cddfe6a92b2d')).toBe('0d4849b5');
    expect(shortId('not-a-uuid')).toBe('not-a-uu');
    expect(templateRef({ name: 'Chat Assistant', version_number: 3 })).toBe('Chat Assistant@3');
  });
});
