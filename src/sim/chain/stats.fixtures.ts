/** Goodness-of-fit statistics for the simulator's seeded statistical tests. */

/** Kolmogorov–Smirnov statistic of samples against Exp(mean). */
export function ksExponential(samples: readonly number[], mean: number): number {
  const xs = [...samples].sort((a, b) => a - b);
  const n = xs.length;
  let d = 0;
  xs.forEach((x, i) => {
    const f = 1 - Math.exp(-x / mean);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  });
  return d;
}

/** The KS critical value at significance 0.01 for large n. */
export function ksCritical01(n: number): number {
  return 1.628 / Math.sqrt(n);
}

/** Pearson's chi-square of counts against expected probabilities. */
export function chiSquare(observed: readonly number[], probabilities: readonly number[]): number {
  const total = observed.reduce((a, b) => a + b, 0);
  return observed.reduce((sum, o, i) => {
    const e = total * probabilities[i]!;
    return sum + (o - e) ** 2 / e;
  }, 0);
}

/** Chi-square critical values at significance 0.01, by degrees of freedom. */
export const CHI2_CRITICAL_01: Readonly<Record<number, number>> = {
  1: 6.635,
  2: 9.21,
  3: 11.345,
  4: 13.277,
};

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
