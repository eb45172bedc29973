import { describe, expect, it } from 'vitest';
import { verdictOf } from '../run-comparison';
import bootstrapReference from './fixtures/bootstrap-reference.json';
import mcnemarFixtures from './fixtures/mcnemar-exact.json';
import { mcnemarExact, type McNemarResult } from './mcnemar';
import { BOOTSTRAP_DEFAULTS, pairedBootstrap, type BootstrapInterval } from './paired-bootstrap';
import { seededRandom } from './seeded-random';

/** mcnemar.ts sums integers up to this many discordant pairs and logarithms beyond. */
const EXACT_PATH_MAX_PAIRS = 1000;

describe('mcnemarExact', () => {
  // Reference values: fixtures/generate-mcnemar-fixtures.py sums C(n, k) / 2^n exactly with
  // Python integers and fractions (cross-checked with scipy.stats.binomtest when installed).
  it.each(mcnemarFixtures)('matches the exact binomial tail for b=$b, c=$c', ({ b, c, p_value }) => {
    const result = mcnemarExact(b, c);
    expect(result).toMatchObject({ b, c });
    expect(Math.abs(result.p_value - p_value)).toBeLessThanOrEqual(1e-9 * p_value);
    // Below the cut-over the TypeScript sum is rounded once, like Python's float(Fraction): bit-equal.
    if (b + c <= EXACT_PATH_MAX_PAIRS) expect(result.p_value).toBe(p_value);
  });

  it('covers both code paths in the fixtures', () => {
    const sizes = mcnemarFixtures.map((row) => row.b + row.c);
    expect(sizes.some((n) => n > 0 && n <= EXACT_PATH_MAX_PAIRS)).toBe(true);
    expect(sizes.some((n) => n > EXACT_PATH_MAX_PAIRS)).toBe(true);
  });

  it('reproduces the exact conditional p of Fagerland, Lydersen & Laake (2013)', () => {
    // Fagerland MW, Lydersen S, Laake P. The McNemar test for binary matched-pairs data: mid-p and
    // asymptotic are better than exact conditional. BMC Med Res Methodol 2013;13:91, Table 1:
    // airway hyper-responsiveness before/after stem cell transplantation in 21 children (Bentur
    // et al. 2009), discordant cells 1 and 7. The paper reports the exact conditional P = 0.070;
    // exactly it is 2 · (C(8,0) + C(8,1)) / 2^8 = 18/256 = 0.0703125.
    expect(mcnemarExact(1, 7).p_value).toBe(0.0703125);
    expect(mcnemarExact(1, 7).p_value.toFixed(3)).toBe('0.070');
  });

  it('reproduces the Cavo et al. (2012) example of Fagerland, Lydersen & Laake', () => {
    // Complete response before/after consolidation therapy, table [[59, 6], [16, 80]], from
    // Fagerland, Lydersen & Laake, "Statistical Analysis of Contingency Tables" (CRC 2017), ch. 8;
    // the authors' R package contingencytables asserts "The McNemar exact conditional test:
    // P = 0.052479" for it (tests/testthat/test-ch8.R). Exactly: 2 · Σ_{k<=6} C(22,k) / 2^22 = 13757/262144.
    const { p_value } = mcnemarExact(6, 16);
    expect(p_value.toFixed(6)).toBe('0.052479');
    expect(p_value).toBe(13757 / 262144);
  });

  it('gives exact powers of two for one-sided tables instead of accumulated log error', () => {
    // 2 · (1/2)^7: summed logarithms used to give 0.015625000000000003.
    expect(mcnemarExact(0, 7).p_value).toBe(0.015625);
    expect(mcnemarExact(0, 1).p_value).toBe(1);
    expect(mcnemarExact(10, 0).p_value).toBe(2 / 1024);
  });

  it('is symmetric, equals 1 without discordant pairs or with a tie, and shrinks as the split gets lopsided', () => {
    expect(mcnemarExact(0, 0)).toEqual({ b: 0, c: 0, p_value: 1 });
    expect(mcnemarExact(12, 12).p_value).toBe(1);
    expect(mcnemarExact(3, 17).p_value).toBe(mcnemarExact(17, 3).p_value);
    const ps = [10, 8, 6, 4, 2].map((b) => mcnemarExact(b, 20 - b).p_value);
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeLessThan(ps[i - 1] as number);
  });

  it('stays finite and in [0, 1] for very large, very lopsided runs', () => {
    const { p_value } = mcnemarExact(10, 49_990);
    expect(p_value).toBeGreaterThanOrEqual(0);
    expect(p_value).toBeLessThan(1e-300);
  });
});

describe('pairedBootstrap', () => {
  it.each(bootstrapReference)('equals the independent Python reference: $name', ({ differences, options, expected }) => {
    // fixtures/generate-bootstrap-fixtures.py reimplements mulberry32, the resampling and the type 7
    // quantile from their definitions (and checks the quantiles against numpy).
    const isDefault =
      options.seed === BOOTSTRAP_DEFAULTS.seed && options.resamples === BOOTSTRAP_DEFAULTS.resamples && options.confidence === BOOTSTRAP_DEFAULTS.confidence;
    const result = isDefault ? pairedBootstrap(differences) : pairedBootstrap(differences, options);
    expect(result).toMatchObject(options);
    expect(Math.abs(result.mean_difference - expected.mean_difference)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(result.lower - expected.lower)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(result.upper - expected.upper)).toBeLessThanOrEqual(1e-12);
  });

  it('includes a run of the defaults among the reference cases', () => {
    expect(bootstrapReference.some(({ options }) => options.seed === BOOTSTRAP_DEFAULTS.seed && options.resamples === BOOTSTRAP_DEFAULTS.resamples)).toBe(true);
  });

  const differences = [0.5, 0, 1, -0.5, 0.25, 0, 0.75, 1, -1, 0.5, 0, 0.25, 1, 0, 0.5];

  it('is reproducible for a seed and differs for another seed', () => {
    // Irregular values, so resample means rarely tie and a different draw moves both endpoints.
    const scores = [0.137, -0.291, 0.652, 0.018, -0.074, 0.333, 0.905, -0.48, 0.21, 0.061, 0.127, -0.019];
    const first = pairedBootstrap(scores, { seed: 11, resamples: 2000 });
    expect(pairedBootstrap(scores, { seed: 11, resamples: 2000 })).toEqual(first);
    const other = pairedBootstrap(scores, { seed: 12, resamples: 2000 });
    expect(other.mean_difference).toBe(first.mean_difference);
    expect(other.lower).not.toBe(first.lower);
    expect(other.upper).not.toBe(first.upper);
  });

  it('brackets the observed mean difference and widens with the confidence level', () => {
    const mean = differences.reduce((sum, d) => sum + d, 0) / differences.length;
    const at95 = pairedBootstrap(differences, { seed: 3 });
    expect(at95.mean_difference).toBeCloseTo(mean, 15);
    expect(at95.lower).toBeLessThan(mean);
    expect(at95.upper).toBeGreaterThan(mean);
    // Same seed, same resample means: a higher level reads quantiles further out.
    const at99 = pairedBootstrap(differences, { seed: 3, confidence: 0.99 });
    expect(at99.lower).toBeLessThan(at95.lower);
    expect(at99.upper).toBeGreaterThan(at95.upper);
  });

  it('gives a zero-width interval when every difference is the same', () => {
    const same = pairedBootstrap([0.3, 0.3, 0.3, 0.3], { resamples: 500 });
    expect(same.lower).toBe(same.upper);
    expect(same.lower).toBe(same.mean_difference);
    expect(same.mean_difference).toBeCloseTo(0.3, 15);
    expect(pairedBootstrap([0, 0, 0])).toMatchObject({ mean_difference: 0, lower: 0, upper: 0 });
  });

  it('returns a zero interval for no pairs, echoing the options used', () => {
    expect(pairedBootstrap([])).toEqual({ mean_difference: 0, lower: 0, upper: 0, ...BOOTSTRAP_DEFAULTS });
    expect(pairedBootstrap([], { seed: 5, resamples: 10, confidence: 0.9 })).toEqual({
      mean_difference: 0,
      lower: 0,
      upper: 0,
      seed: 5,
      resamples: 10,
      confidence: 0.9,
    });
  });

  it('agrees with the normal approximation mean ± 1.96·sd/√n on a large sample', () => {
    // By the central limit theorem the bootstrap distribution of the mean of 2000 draws is close
    // to normal, so its 2.5% and 97.5% points should sit within a few percent of the half-width.
    const random = seededRandom(2024);
    const sample = Array.from({ length: 2000 }, () => {
      const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()); // Box-Muller
      return 0.1 + 0.3 * z;
    });
    const n = sample.length;
    const mean = sample.reduce((sum, d) => sum + d, 0) / n;
    const sd = Math.sqrt(sample.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (n - 1));
    const halfWidth = (1.96 * sd) / Math.sqrt(n);
    const interval = pairedBootstrap(sample);
    expect(interval.mean_difference).toBeCloseTo(mean, 12);
    expect(Math.abs(interval.lower - (mean - halfWidth))).toBeLessThan(0.05 * halfWidth);
    expect(Math.abs(interval.upper - (mean + halfWidth))).toBeLessThan(0.05 * halfWidth);
    expect((interval.upper - interval.lower) / (2 * halfWidth)).toBeCloseTo(1, 1);
  });
});

describe('seededRandom', () => {
  it('yields the same sequence for a seed, values in [0, 1)', () => {
    const a = seededRandom(99);
    const b = seededRandom(99);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
  });
});

describe('verdictOf', () => {
  const mcnemar = (b: number, c: number): McNemarResult => mcnemarExact(b, c);
  const interval = (lower: number, upper: number): BootstrapInterval => ({
    mean_difference: (lower + upper) / 2,
    lower,
    upper,
    confidence: 0.95,
    resamples: 10_000,
    seed: 1,
  });
  // p(2, 12) = 0.0129 and p(12, 2) alike: significant at 0.05; p(5, 7) = 0.77: not.

  it('says better when both tests agree the candidate improved', () => {
    expect(verdictOf(mcnemar(2, 12), interval(0.05, 0.3))).toBe('better');
  });

  it('says worse when both tests agree the candidate regressed', () => {
    expect(verdictOf(mcnemar(12, 2), interval(-0.3, -0.05))).toBe('worse');
  });

  it('accepts either test alone when the other is inconclusive', () => {
    expect(verdictOf(mcnemar(2, 12), interval(-0.01, 0.2))).toBe('better');
    expect(verdictOf(mcnemar(5, 7), interval(0.01, 0.2))).toBe('better');
    expect(verdictOf(mcnemar(12, 2), interval(-0.2, 0.01))).toBe('worse');
    expect(verdictOf(mcnemar(5, 7), interval(-0.2, -0.01))).toBe('worse');
  });

  it('claims nothing when the tests point in opposite directions', () => {
    // Fewer items pass (McNemar: worse) while the mean score rises (bootstrap: better).
    expect(verdictOf(mcnemar(12, 2), interval(0.01, 0.2))).toBe('no_significant_difference');
    expect(verdictOf(mcnemar(2, 12), interval(-0.2, -0.01))).toBe('no_significant_difference');
  });

  it('claims nothing when neither test is significant, nor at the boundaries', () => {
    expect(verdictOf(mcnemar(5, 7), interval(-0.1, 0.1))).toBe('no_significant_difference');
    expect(verdictOf(mcnemar(0, 0), interval(0, 0))).toBe('no_significant_difference');
    // p must be below alpha, and an interval touching zero does not exclude it.
    expect(verdictOf({ b: 0, c: 5, p_value: 0.05 }, interval(0, 0.2))).toBe('no_significant_difference');
    expect(verdictOf(mcnemar(5, 7), interval(-0.2, 0))).toBe('no_significant_difference');
  });

  it('uses the alpha it is given', () => {
    expect(verdictOf(mcnemar(2, 12), interval(-0.1, 0.1), 0.01)).toBe('no_significant_difference');
    expect(verdictOf(mcnemar(1, 7), interval(-0.1, 0.1), 0.1)).toBe('better');
  });
});
