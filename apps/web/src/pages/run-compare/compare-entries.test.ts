import { describe, expect, it } from 'vitest';
import { byItem, comparePage, entryIdsOf, itemKey } from './compare-entries';

const entry = (id: string, change: 'improved' | 'regressed' | 'unchanged', repetition = 0) => ({ dataset_entry_id: id, repetition, change });

describe('the comparison entries', () => {
  const entries = Array.from({ length: 60 }, (_, i) => entry(`e${i}`, i % 3 === 0 ? 'improved' : i % 3 === 1 ? 'regressed' : 'unchanged'));

  it('pages through them, 25 at a time', () => {
    expect(
      comparePage(entries, undefined, 1)
        .items.map((e) => e.dataset_entry_id)
        .slice(0, 2),
    ).toEqual(['e0', 'e1']);
    expect(comparePage(entries, undefined, 3)).toMatchObject({ total: 60, items: { length: 10 } });
  });

  it('filters by change before paging', () => {
    const regressed = comparePage(entries, 'regressed', 1);
    expect(regressed.total).toBe(20);
    expect(regressed.items.every((e) => e.change === 'regressed')).toBe(true);
  });

  it('asks once per entry for outputs, and finds each repetition by key', () => {
    expect(entryIdsOf([entry('a', 'improved', 0), entry('a', 'improved', 1), entry('b', 'unchanged')])).toEqual(['a', 'b']);
    const results = byItem([{ dataset_entry_id: 'a', repetition: 1, output: 'x' }]);
    expect(results.get(itemKey({ dataset_entry_id: 'a', repetition: 1 }))?.output).toBe('x');
    expect(results.get('a/0')).toBeUndefined();
  });
});
