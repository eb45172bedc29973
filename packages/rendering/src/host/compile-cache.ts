import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { compileTemplate } from '../parse/compile-template';
import type { TemplateNode } from '../parse/template-node';

/**
 * Compiles through a least-recently-used cache of `capacity` templates, keyed by a SHA-256 of the
 * source so a cache of large prompts does not also hold every source text as a key.
 */
export function createCompileCache(capacity: number): (source: string) => TemplateNode {
  const compiled = new LRUCache<string, TemplateNode>({ max: capacity });
  return (source) => {
    const key = createHash('sha256').update(source).digest('hex');
    let root = compiled.get(key);
    if (!root) {
      root = compileTemplate(source);
      compiled.set(key, root);
    }
    return root;
  };
}
