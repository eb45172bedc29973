export interface McNemarResult {
  /** Pairs passing in base only. */
  b: number;
  /** Pairs passing in candidate only. */
  c: number;
  /** Two-sided exact p-value. */
  p_value: number;
}

/** log C(n, k) summed term by term, exact enough for any n a run can have and free of overflow. */
function logBinomialPmfHalf(n: number): number[] {
  const logs: number[] = [];
  let logChoose = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logChoose += Math.log(n - k + 1) - Math.log(k);
    logs.push(logChoose - n * Math.LN2);
  }
  return logs;
}

/**
 * Exact McNemar test: under "no difference" the b + c discordant pairs split Binomial(n, 1/2), so
 * p = 2 · P(X <= min(b, c)), capped at 1. Preferred over the chi-square version for small counts.
 */
export function mcnemarExact(b: number, c: number): McNemarResult {
  const n = b + c;
  if (n === 0) return { b, c, p_value: 1 };
  const logs = logBinomialPmfHalf(n);
  let tail = 0;
  for (let k = 0; k <= Math.min(b, c); k++) tail += Math.exp(logs[k] as number);
  return { b, c, p_value: Math.min(1, 2 * tail) };
}
