import { LATENCY_BOUNDARIES_MS } from '@promptops/db';

/** Adds histogram `from` into `into`, count by count (histograms share LATENCY_BOUNDARIES_MS). */
export function mergeHistogram(into: number[], from: readonly number[]): void {
  from.forEach((count, i) => {
    into[i] = (into[i] ?? 0) + count;
  });
}

/** [lower, upper) of bucket i in ms; the last bucket has no upper bound, so its upper is its lower. */
function bucketBounds(i: number): [number, number] {
  const lower = i === 0 ? 0 : (LATENCY_BOUNDARIES_MS[i - 1] ?? 0);
  const upper = LATENCY_BOUNDARIES_MS[i] ?? lower;
  return [lower, upper];
}

/**
 * The p-quantile (0 < p ≤ 1) of the latencies a histogram counts: the bucket where the running
 * count reaches p·n, interpolated linearly inside it (as if its latencies were spread evenly), so
 * the answer is off by less than that bucket's width. Null for an empty histogram.
 */
export function histogramPercentile(counts: readonly number[], p: number): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = p * total;
  let below = 0;
  for (let i = 0; i < counts.length; i += 1) {
    const count = counts[i] ?? 0;
    if (count > 0 && below + count >= rank) {
      const [lower, upper] = bucketBounds(i);
      return lower + ((upper - lower) * (rank - below)) / count;
    }
    below += count;
  }
  return bucketBounds(counts.length - 1)[0];
}
