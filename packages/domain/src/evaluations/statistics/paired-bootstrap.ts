import { seededRandom } from './seeded-random';

export interface BootstrapOptions {
  resamples?: number;
  /** Two-sided confidence level; default 0.95. */
  confidence?: number;
  seed?: number;
}

export interface BootstrapInterval {
  mean_difference: number;
  lower: number;
  upper: number;
  confidence: number;
  resamples: number;
  seed: number;
}

export const BOOTSTRAP_DEFAULTS = { resamples: 10_000, confidence: 0.95, seed: 20_240_601 } as const;

/** Linear interpolation between order statistics (type 7, as numpy and R default to). */
function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return (sorted[below] as number) + ((sorted[above] as number) - (sorted[below] as number)) * (position - below);
}

/**
 * Percentile bootstrap confidence interval for the mean of paired differences (candidate − base):
 * pairs are resampled with replacement, which keeps each entry's two scores together. Seeded, so
 * the same runs always give the same interval.
 */
export function pairedBootstrap(differences: readonly number[], options: BootstrapOptions = {}): BootstrapInterval {
  const resamples = options.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  const confidence = options.confidence ?? BOOTSTRAP_DEFAULTS.confidence;
  const seed = options.seed ?? BOOTSTRAP_DEFAULTS.seed;
  const n = differences.length;
  const mean = n === 0 ? 0 : differences.reduce((sum, d) => sum + d, 0) / n;
  if (n === 0) return { mean_difference: 0, lower: 0, upper: 0, confidence, resamples, seed };
  const random = seededRandom(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += differences[Math.floor(random() * n)] as number;
    means[r] = sum / n;
  }
  means.sort();
  const alpha = 1 - confidence;
  return { mean_difference: mean, lower: quantile(means, alpha / 2), upper: quantile(means, 1 - alpha / 2), confidence, resamples, seed };
}
