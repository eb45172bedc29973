import { describe, expect, it } from 'vitest';
import { TemplateVariablesCache } from './template-variables-cache';

describe('TemplateVariablesCache', () => {
  it("loads a version's variables once, for concurrent and later callers", async () => {
    const cache = new TemplateVariablesCache(1000);
    let loads = 0;
    const load = () => {
      loads++;
      return Promise.resolve('{"variables":[]}');
    };
    const [first, second] = await Promise.all([cache.get('v1', load), cache.get('v1', load)]);
    expect(await cache.get('v1', load)).toBe(first);
    expect(second).toBe(first);
    expect(loads).toBe(1);
    expect(first.json).toBe('{"variables":[]}');
    expect((await cache.get('v2', () => Promise.resolve('{"variables":[1]}'))).json).toBe('{"variables":[1]}');
  });

  it('forgets a failed load and keeps at most its size in characters', async () => {
    const cache = new TemplateVariablesCache(10);
    await expect(cache.get('v1', () => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
    const kept = await cache.get('v1', () => Promise.resolve('"12345678"'));
    await cache.get('v2', () => Promise.resolve('"abcdefgh"'));
    expect(await cache.get('v1', () => Promise.resolve('"reloaded"'))).not.toBe(kept);
  });
});
