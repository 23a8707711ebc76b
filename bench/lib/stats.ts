// Small statistics helpers for the benchmarks: medians and percentiles of timing samples.

/** The p-th percentile (0..100) of `samples`, linear interpolation between ranks. NaN when empty. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

/** The median (50th percentile) of `samples`. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * Runs `fn` `warmup` times unmeasured, then until `iterations` samples are taken or `budgetMs` of
 * measured time is spent (at least one sample). Returns the samples in milliseconds.
 */
export async function sampleMs(
  fn: () => unknown | Promise<unknown>,
  opts: { iterations: number; warmup?: number; budgetMs?: number },
): Promise<number[]> {
  for (let i = 0; i < (opts.warmup ?? 0); i++) await fn();
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < opts.iterations && (samples.length === 0 || spent < (opts.budgetMs ?? Infinity))) {
    const t0 = performance.now();
    await fn();
    const dt = performance.now() - t0;
    samples.push(dt);
    spent += dt;
  }
  return samples;
}
