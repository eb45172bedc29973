import { describe, expect, it } from 'vitest';
import { createCompileCache } from './compile-cache';

describe('createCompileCache', () => {
  it('hands back the same compiled template for the same source', () => {
    const compile = createCompileCache(2);
    expect(compile('{{ a }}')).toBe(compile('{{ a }}'));
  });

  it('when full, evicts only the least recently used template', () => {
    const compile = createCompileCache(3);
    const a = compile('{{ a }}');
    const b = compile('{{ b }}');
    const c = compile('{{ c }}');
    expect(compile('{{ a }}')).toBe(a); // now b is the least recently used
    compile('{{ d }}');
    expect(compile('{{ a }}')).toBe(a);
    expect(compile('{{ c }}')).toBe(c);
    expect(compile('{{ b }}')).not.toBe(b);
  });
});
