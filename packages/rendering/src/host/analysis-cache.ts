import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * Analyses (as JSON text) by the sources they came from: an analysis is a pure function of its
 * sources, and the same ones come back often (a version's variables, the editor previewing one
 * draft with different contexts). Bounded by the total length of the texts kept, since one large
 * template's analysis runs to hundreds of KB; keyed by a SHA-256 of the sources so the cache does
 * not also hold every source. Concurrent callers with the same sources share one analysis.
 */
export function createAnalysisCache(maxChars: number): (sources: string[], analyse: () => Promise<string>) => Promise<string> {
  const settled = new LRUCache<string, string>({ maxSize: maxChars, sizeCalculation: (json) => Math.max(1, json.length) });
  const pending = new Map<string, Promise<string>>();
  return (sources, analyse) => {
    const hash = createHash('sha256');
    // Each source's length first, so ['ab', 'c'] and ['a', 'bc'] cannot share a key.
    for (const source of sources) hash.update(`${source.length}:`).update(source);
    const key = hash.digest('hex');
    const cached = settled.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    let running = pending.get(key);
    if (!running) {
      running = analyse().then((json) => {
        // An analysis longer than the whole cache is not kept (lru-cache would refuse it anyway).
        if (json.length <= maxChars) settled.set(key, json);
        return json;
      });
      const forget = () => pending.delete(key);
      running.then(forget, forget);
      pending.set(key, running);
    }
    return running;
  };
}
