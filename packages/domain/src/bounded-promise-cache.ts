import { LRUCache } from 'lru-cache';

/**
 * Remembers the promise for each key (so concurrent callers share one lookup), evicting the least
 * recently used past `maxEntries`. For values that never change once they exist, such as template
 * versions; a rejected lookup is forgotten so the next caller tries again. lru-cache's own
 * `fetch` would do the sharing too, but it aborts a lookup whose entry is evicted mid-flight and
 * takes one loader per cache, where callers here pass theirs per lookup.
 */
export class BoundedPromiseCache<K extends {}, V> {
  readonly #entries: LRUCache<K, Promise<V>>;

  constructor(maxEntries: number) {
    this.#entries = new LRUCache({ max: maxEntries });
  }

  get(key: K, load: (key: K) => Promise<V>): Promise<V> {
    let cached = this.#entries.get(key);
    if (!cached) {
      const loading = load(key);
      loading.catch(() => {
        if (this.#entries.peek(key) === loading) this.#entries.delete(key);
      });
      this.#entries.set(key, loading);
      cached = loading;
    }
    return cached;
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }
}
