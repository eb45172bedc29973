import type { ModelPrice } from '@promptops/config';

/**
 * Built-in list prices in USD per 1M tokens (standard tier, no cached-input discount), as published
 * by OpenAI and xAI. Operators correct or extend them with MODEL_PRICES.
 */
export const BUILT_IN_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4-turbo': { input: 10, output: 30 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  o1: { input: 15, output: 60 },
  o3: { input: 2, output: 8 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
  'grok-3': { input: 3, output: 15 },
  'grok-3-mini': { input: 0.3, output: 0.5 },
  'grok-4': { input: 3, output: 15 },
  'mock-1': { input: 0, output: 0 },
};

export interface PriceTable {
  /** Price for `model`: exact name, else the longest known prefix ending at a `-`, `:` or `@`. */
  priceOf(model: string): ModelPrice | null;
  /** USD for one call, rounded to 1e-8; null when the model has no known price. */
  costOf(model: string, promptTokens: number, completionTokens: number): number | null;
}

// Dated snapshots and tags (gpt-4o-mini-2024-07-18, llama3:8b) share their family's price, but
// 'o1' must not price 'o1x', hence the separator requirement.
const SEPARATORS = new Set(['-', ':', '@']);

export function createPriceTable(overrides: Record<string, ModelPrice> = {}): PriceTable {
  const prices = new Map(Object.entries({ ...BUILT_IN_PRICES, ...overrides }));
  const byLengthDesc = [...prices.keys()].sort((a, b) => b.length - a.length);

  const priceOf = (model: string): ModelPrice | null => {
    const exact = prices.get(model);
    if (exact) return exact;
    const prefix = byLengthDesc.find((known) => model.startsWith(known) && SEPARATORS.has(model[known.length] ?? ''));
    return prefix ? (prices.get(prefix) ?? null) : null;
  };

  return {
    priceOf,
    costOf(model, promptTokens, completionTokens) {
      const price = priceOf(model);
      if (!price) return null;
      const usd = (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
      return Math.round(usd * 1e8) / 1e8;
    },
  };
}
