/**
 * Remembers the promise for each key (so concurrent callers share one lookup) up to `maxEntries`,
 * then starts over. For values that never change once they exist, such as template versions;
 * a rejected lookup is forgotten so the next caller tries again.
 */
export class BoundedPromiseCache<K, V> {
  private readonly entries = new Map<K, Promise<V>>();

  constructor(private readonly maxEntries: number) {}

  get(key: K, load: (key: K) => Promise<V>): Promise<V> {
    let cached = this.entries.get(key);
    if (!cached) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      cached = load(key);
      cached.catch(() => this.entries.delete(key));
      this.entries.set(key, cached);
    }
    return cached;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
