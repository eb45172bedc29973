import { describe, expect, it } from 'vitest';
import { BoundedPromiseCache } from './bounded-promise-cache';

/** A loader that counts its calls per key and resolves to `key:call`. */
function countingLoader() {
  const calls = new Map<string, number>();
  const load = async (key: string) => {
    const call = (calls.get(key) ?? 0) + 1;
    calls.set(key, call);
    return `${key}:${call}`;
  };
  return { load, calls };
}

describe('BoundedPromiseCache', () => {
  it('shares one lookup between concurrent callers', async () => {
    const cache = new BoundedPromiseCache<string, string>(10);
    const { load, calls } = countingLoader();
    const results = await Promise.all([cache.get('a', load), cache.get('a', load), cache.get('a', load)]);
    expect(results).toEqual(['a:1', 'a:1', 'a:1']);
    expect(calls.get('a')).toBe(1);
  });

  it('forgets a rejected lookup, so the next caller tries again', async () => {
    const cache = new BoundedPromiseCache<string, string>(10);
    await expect(cache.get('a', () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    await expect(cache.get('a', async () => 'loaded')).resolves.toBe('loaded');
  });

  it('when full, evicts only the least recently used entry', async () => {
    const cache = new BoundedPromiseCache<string, string>(3);
    const { load, calls } = countingLoader();
    for (const key of ['a', 'b', 'c']) await cache.get(key, load);
    await cache.get('a', load); // b is now the least recently used
    await cache.get('d', load);
    expect(await Promise.all(['a', 'c', 'd'].map((key) => cache.get(key, load)))).toEqual(['a:1', 'c:1', 'd:1']);
    expect(await cache.get('b', load)).toBe('b:2');
    expect([...calls.values()].reduce((sum, count) => sum + count, 0)).toBe(5);
  });

  it('loads again after delete', async () => {
    const cache = new BoundedPromiseCache<string, string>(3);
    const { load } = countingLoader();
    await cache.get('a', load);
    cache.delete('a');
    expect(await cache.get('a', load)).toBe('a:2');
  });
});
