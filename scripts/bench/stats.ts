/** Small statistics for benchmark samples. Samples are never mutated. */

/** Nearest-rank percentile (`p` in 0–100) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** The middle sample (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** A point of a growth series: `size` units of work took `value` (any unit). */
export interface GrowthPoint {
  size: number;
  value: number;
}

export interface Growth {
  /** Cost of one more unit between consecutive sizes: the slope, free of fixed start-up cost. */
  marginal: number[];
  /** Last slope over first slope: about 1 when growth is linear, above when it bends upwards. */
  ratio: number;
  verdict: 'linear' | 'superlinear' | 'sublinear' | 'n/a';
  /** Why there is no verdict. */
  reason?: string;
}

/**
 * Judges whether a series grows linearly from the slopes between consecutive
 * sizes, so a fixed start-up cost (a process spawn, Astro's own boot) does not
 * make a linear series look sublinear. Slopes within a factor of 1.5 count as linear:
 * timing noise on a shared 2-core machine is about that large at small sizes.
 */
export function judgeGrowth(points: readonly GrowthPoint[], tolerance = 1.5, minFirstIncrease = 0.5): Growth {
  const sorted = [...points].sort((a, b) => a.size - b.size);
  const marginal: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as GrowthPoint;
    const b = sorted[i] as GrowthPoint;
    marginal.push((b.value - a.value) / (b.size - a.size));
  }
  const first = marginal[0];
  const last = marginal[marginal.length - 1];
  if (marginal.length < 2 || first === undefined || last === undefined || first <= 0) {
    return { marginal, ratio: Number.NaN, verdict: 'n/a', reason: 'too few sizes, or no growth between the first two' };
  }
  // When the first step adds less than `minFirstIncrease` of what was already there,
  // start-up cost dominates and the first slope is mostly noise: no verdict rather than a wrong one.
  const [a, b] = sorted;
  if (a && b && b.value - a.value < minFirstIncrease * a.value) {
    return { marginal, ratio: last / first, verdict: 'n/a', reason: 'start-up cost dominates the smaller sizes' };
  }
  const ratio = last / first;
  return {
    marginal,
    ratio,
    verdict: ratio > tolerance ? 'superlinear' : ratio < 1 / tolerance ? 'sublinear' : 'linear',
  };
}

export function formatMs(ms: number): string {
  if (ms < 0) return `−${formatMs(-ms)}`;
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

export function formatMB(kilobytes: number): string {
  return `${(kilobytes / 1024).toFixed(0)} MB`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
