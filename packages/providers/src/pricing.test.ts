import { describe, expect, it } from 'vitest';
import { createPriceTable } from './pricing';

describe('createPriceTable', () => {
  const table = createPriceTable();

  it('prices known models per 1M tokens, rounded to 1e-8 USD', () => {
    expect(table.costOf('gpt-4o-mini', 1_000_000, 1_000_000)).toBe(0.75);
    expect(table.costOf('gpt-4o', 1234, 567)).toBe(0.008755);
    expect(table.costOf('grok-3-mini', 1, 1)).toBe(0.0000008);
    expect(table.costOf('gpt-4.1-nano', 3, 0)).toBe(0.0000003);
    expect(table.costOf('mock-1', 5000, 5000)).toBe(0);
  });

  it('matches the longest known prefix at a separator', () => {
    expect(table.priceOf('gpt-4o-mini-2024-07-18')).toEqual(table.priceOf('gpt-4o-mini'));
    expect(table.priceOf('gpt-4o-2024-08-06')).toEqual(table.priceOf('gpt-4o'));
    expect(table.priceOf('gpt-4.1-mini-2025-04-14')).toEqual(table.priceOf('gpt-4.1-mini'));
    expect(table.priceOf('o3-mini-high')).toEqual(table.priceOf('o3-mini'));
    expect(table.priceOf('o1x')).toBeNull();
  });

  it('returns null for unknown models', () => {
    expect(table.costOf('llama3.1:8b', 100, 100)).toBeNull();
    expect(table.priceOf('')).toBeNull();
  });

  it('merges overrides over the built-in table', () => {
    const custom = createPriceTable({ 'gpt-4o': { input: 1, output: 2 }, llama3: { input: 0.1, output: 0.1 } });
    expect(custom.costOf('gpt-4o', 1_000_000, 1_000_000)).toBe(3);
    expect(custom.costOf('llama3:8b', 1_000_000, 0)).toBe(0.1);
    expect(custom.costOf('gpt-4o-mini', 1_000_000, 0)).toBe(0.15);
    expect(table.costOf('gpt-4o', 1_000_000, 0)).toBe(2.5);
  });
});
