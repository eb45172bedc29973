import { describe, expect, it } from 'vitest';
import { comparePair, toggleSelection } from './compare-pick';

const older = { id: 'b', created_at: '2026-01-01T10:00:00.000Z' };
const newer = { id: 'a', created_at: '2026-01-02T10:00:00.000Z' };

describe('picking two runs to compare', () => {
  it('makes the older run the base and the newer the candidate, whatever the order picked', () => {
    expect(comparePair([newer, older])).toEqual({ base: 'b', candidate: 'a' });
    expect(comparePair([older, newer])).toEqual({ base: 'b', candidate: 'a' });
  });

  it('needs exactly two runs', () => {
    expect(comparePair([older])).toBeNull();
    expect(comparePair([older, newer, { id: 'c', created_at: '2026-01-03T00:00:00.000Z' }])).toBeNull();
  });

  it('keeps at most two selected, dropping the earliest pick', () => {
    const c = { id: 'c', created_at: '2026-01-03T00:00:00.000Z' };
    expect(toggleSelection([], older, true)).toEqual([older]);
    expect(toggleSelection([older, newer], c, true)).toEqual([newer, c]);
    expect(toggleSelection([older, newer], older, false)).toEqual([newer]);
    expect(toggleSelection([older], older, true)).toEqual([older]);
  });
});
