/** Small helpers of `npm run bench`: order statistics, a seeded PRNG, number formatting. */

/** The q-quantile (0..1) of `xs` by nearest rank (p95 of 200 samples is the 190th smallest). */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

export function best(xs: readonly number[]): number {
  return Math.max(...xs);
}

/** mulberry32: a seeded uniform float in [0, 1), so the seek targets are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 1234567 → "1,234,567" (rounded to an integer). */
export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** One decimal, no grouping: the form the final line uses. */
export function dec1(n: number): string {
  return (Math.round(n * 10) / 10).toFixed(1);
}

/** "1.23 M" style for rates. */
export function mega(n: number): string {
  return `${(n / 1e6).toFixed(2)} M`;
}

/** Virtual milliseconds as "6m18s" / "1h02m" / "10d 1h". */
export function virtualDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d ${h % 24}h`;
}

/** "met" or "MISSED" against a target, for the human-readable lines. */
export function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}
