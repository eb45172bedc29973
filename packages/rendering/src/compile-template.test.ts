import { describe, expect, it } from 'vitest';
import { CompiledTemplateCache } from './compile-template';

describe('CompiledTemplateCache', () => {
  it('reuses compiled templates by source and evicts the least recently used', () => {
    const cache = new CompiledTemplateCache(2);
    const first = cache.compile('{{ a }}');
    expect(cache.compile('{{ a }}')).toBe(first);
    const second = cache.compile('{{ b }}');
    cache.compile('{{ a }}');
    cache.compile('{{ c }}');
    expect(cache.compile('{{ a }}')).toBe(first);
    expect(cache.compile('{{ b }}')).not.toBe(second);
  });

  it('shrinks when resized', () => {
    const cache = new CompiledTemplateCache(3);
    const kept = cache.compile('{{ c }}');
    cache.compile('{{ a }}');
    cache.compile('{{ b }}');
    cache.compile('{{ c }}');
    cache.resize(1);
    expect(cache.compile('{{ c }}')).toBe(kept);
  });
});
