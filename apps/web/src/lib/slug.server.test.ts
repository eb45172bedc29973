import { SLUG_PATTERN as API_SLUG_PATTERN, TEMPLATE_LIMITS } from '@promptops/domain';
import { describe, expect, it } from 'vitest';
import { addSlugs, isSlug, MAX_TEMPLATE_TAGS, SLUG_PATTERN, toSlug } from './slug';

describe('slugs', () => {
  it('follow the API’s rule exactly', () => {
    expect(SLUG_PATTERN.source).toBe(API_SLUG_PATTERN.source);
    expect(MAX_TEMPLATE_TAGS).toBe(TEMPLATE_LIMITS.maxTagsPerTemplate);
  });

  it('turn what people type into the slug they meant', () => {
    expect(toSlug('Code Review!')).toBe('code-review');
    expect(toSlug('  Café  crème ')).toBe('cafe-creme');
    expect(toSlug('v1.2 release')).toBe('v1-2-release');
    expect(toSlug('--_lead')).toBe('lead');
    expect(toSlug('!!!')).toBe('');
    expect(toSlug('x'.repeat(50))).toHaveLength(40);
    for (const text of ['Code Review!', 'Café crème', 'auto_issue', 'x'.repeat(50)]) expect(isSlug(toSlug(text))).toBe(true);
  });

  it('add comma-separated tags once each, in order', () => {
    expect(addSlugs(['billing'], 'VIP, billing,, New Customers')).toEqual(['billing', 'vip', 'new-customers']);
    expect(addSlugs([], ' , ')).toEqual([]);
  });
});
