import { describe, expect, it } from 'vitest';
import { describeTemplateRef, formatTemplateRef, parseTemplateRef } from './template-ref';

describe('template references', () => {
  it('read a final @N as the version and anything else as the name', () => {
    expect(parseTemplateRef('Greeter@2')).toEqual({ name: 'Greeter', version: 2 });
    expect(parseTemplateRef('Greeter')).toEqual({ name: 'Greeter' });
    expect(parseTemplateRef('me@example.com')).toEqual({ name: 'me@example.com' });
    expect(parseTemplateRef('a@b@12')).toEqual({ name: 'a@b', version: 12 });
    expect(parseTemplateRef('@3')).toEqual({ name: '@3' });
  });

  it('round-trip through formatting', () => {
    for (const ref of ['Greeter@2', 'Greeter', 'a@b@12']) expect(formatTemplateRef(parseTemplateRef(ref))).toBe(ref);
  });

  it('describe a pinned version and a followed name differently', () => {
    expect(describeTemplateRef('Greeter@2')).toBe('Greeter v2');
    expect(describeTemplateRef('Greeter')).toBe('Greeter (active version)');
  });
});
