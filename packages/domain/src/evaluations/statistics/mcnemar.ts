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

/** Up to this many discordant pairs the tail is summed in integers; 2^n stays a finite double. */
const EXACT_MAX_PAIRS = 1000;

/**
 * P(X <= m) = Σ C(n, k) / 2^n with BigInt binomial coefficients: the sum is rounded to a double
 * once and the division by a power of two is exact, so the result is the correctly rounded value
 * (2 · (1/2)^7 is 0.015625, not 0.015625000000000003 as summed logarithms give).
 */
function exactLowerTail(n: number, m: number): number {
  let choose = 1n;
  let sum = 1n;
  for (let k = 1; k <= m; k++) {
    choose = (choose * BigInt(n - k + 1)) / BigInt(k);
    sum += choose;
  }
  return Number(sum) / 2 ** n;
}

function logSpaceLowerTail(n: number, m: number): number {
  const logs = logBinomialPmfHalf(n);
  let tail = 0;
  for (let k = 0; k <= m; k++) tail += Math.exp(logs[k] as number);
  return tail;
}

/**
 * Exact McNemar test: under "no difference" the b + c discordant pairs split Binomial(n, 1/2), so
 * p = 2 · P(X <= min(b, c)), capped at 1. Preferred over the chi-square version for small counts.
 */
export function mcnemarExact(b: number, c: number): McNemarResult {
  const n = b + c;
  if (n === 0) return { b, c, p_value: 1 };
  const m = Math.min(b, c);
  const tail = n <= EXACT_MAX_PAIRS ? exactLowerTail(n, m) : logSpaceLowerTail(n, m);
  return { b, c, p_value: Math.min(1, 2 * tail) };
}
