import { describe, expect, it } from 'vitest';
import { parseViolations } from './schema-violations';

describe('parseViolations', () => {
  it('points a missing required property at the property itself', () => {
    expect(
      parseViolations([
        { path: '/', message: "must have required property 'greeting'", keyword: 'required', params: { missingProperty: 'greeting' } },
        { path: '/user', message: "must have required property 'name'", keyword: 'required', params: { missingProperty: 'name' } },
        { path: '/reply', message: 'must be string', keyword: 'type', params: { type: 'string' } },
      ]),
    ).toEqual([
      { path: '/greeting', message: "must have required property 'greeting'" },
      { path: '/user/name', message: "must have required property 'name'" },
      { path: '/reply', message: 'must be string' },
    ]);
  });

  it('shows entries of another shape as text instead of dropping them', () => {
    expect(parseViolations(['too long', { keyword: 'x' }])).toEqual([
      { path: '/', message: 'too long' },
      { path: '/', message: '{"keyword":"x"}' },
    ]);
    expect(parseViolations(null)).toEqual([]);
  });
});
