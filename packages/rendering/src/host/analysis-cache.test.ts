import { describe, expect, it } from 'vitest';
import { createAnalysisCache } from './analysis-cache';

/** An analyser that counts its calls and answers with the joined sources. */
function counting() {
  const calls: string[][] = [];
  const analyse = (sources: string[]) => () => {
    calls.push(sources);
    return Promise.resolve(JSON.stringify(sources));
  };
  return { calls, analyse };
}

describe('createAnalysisCache', () => {
  it('analyses the same sources once, sharing the analysis with callers that ask meanwhile', async () => {
    const cached = createAnalysisCache(1000);
    const { calls, analyse } = counting();
    const [first, second] = await Promise.all([cached(['a', 'b'], analyse(['a', 'b'])), cached(['a', 'b'], analyse(['a', 'b']))]);
    expect(await cached(['a', 'b'], analyse(['a', 'b']))).toBe(first);
    expect(second).toBe(first);
    expect(calls).toEqual([['a', 'b']]);
  });

  it('tells apart sources that concatenate to the same text', async () => {
    const cached = createAnalysisCache(1000);
    const { calls, analyse } = counting();
    await cached(['ab', 'c'], analyse(['ab', 'c']));
    await cached(['a', 'bc'], analyse(['a', 'bc']));
    expect(calls).toHaveLength(2);
  });

  it('forgets a failed analysis, so the next caller tries again', async () => {
    const cached = createAnalysisCache(1000);
    await expect(cached(['x'], () => Promise.reject(new Error('worker crashed')))).rejects.toThrow('worker crashed');
    await expect(cached(['x'], () => Promise.resolve('{}'))).resolves.toBe('{}');
  });

  it('keeps at most its size in characters, evicting the least recently used', async () => {
    const cached = createAnalysisCache(10);
    const { calls, analyse } = counting();
    await cached(['aa'], analyse(['aa'])); // '["aa"]': 6 characters
    await cached(['bb'], analyse(['bb'])); // 12 in all: 'aa' goes
    await cached(['bb'], analyse(['bb']));
    await cached(['aa'], analyse(['aa']));
    expect(calls.map(([source]) => source)).toEqual(['aa', 'bb', 'aa']);
    const tooLong = 'x'.repeat(20);
    await cached([tooLong], analyse([tooLong]));
    await cached([tooLong], analyse([tooLong]));
    expect(calls).toHaveLength(5);
  });
});
