import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextFloat, seedRng } from '../kernel/prng';
import {
  BACKOFF_CAP_MS,
  BACKOFF_INITIAL_MS,
  BACKOFF_RESET_MS,
  newBackoff,
  nextBackoffDelay,
} from './backoff';

/** R2: the base of the n-th delay (0-based) of an unreset sequence: 800 ms doubling, capped at 30 s. */
function baseOf(n: number): number {
  return Math.min(BACKOFF_INITIAL_MS * 2 ** n, BACKOFF_CAP_MS);
}

/**
 * A naive reference model of the v0.26 manager: count the steps since the last reset, reset when more than
 * 2 min have passed since the previous call (or since creation), jitter with the same PRNG stream.
 */
function referenceDelays(seed: number, createdAt: number, callTimes: readonly number[]): number[] {
  const rng = seedRng(seed);
  let prev = createdAt;
  let step = 0;
  const out: number[] = [];
  for (const t of callTimes) {
    if (t - prev > 2 * 60 * 1000) step = 0;
    prev = t;
    const base = baseOf(step);
    step++;
    out.push(base + Math.floor(nextFloat(rng) * base));
  }
  return out;
}

describe('exponential backoff manager (R2, v0.26)', () => {
  it('R2: constants are 800 ms initial, 30 s cap, 2 min reset', () => {
    expect([BACKOFF_INITIAL_MS, BACKOFF_CAP_MS, BACKOFF_RESET_MS]).toEqual([800, 30_000, 120_000]);
  });

  it('R2: delays fall in [0.8,1.6), [1.6,3.2), … [25.6,51.2) s, then [30,60) s forever', () => {
    const b = newBackoff(0);
    const rng = seedRng(7);
    const bounds = [800, 1600, 3200, 6400, 12_800, 25_600, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000];
    let now = 0;
    for (const lo of bounds) {
      now += 1000; // failures 1 s apart: never a reset
      const d = nextBackoffDelay(b, now, rng);
      expect(Number.isInteger(d)).toBe(true);
      expect(d).toBeGreaterThanOrEqual(lo);
      expect(d).toBeLessThan(2 * lo);
    }
    // The base stays at the cap (Steps = 0 after capping) rather than doubling again.
    expect(b.durationMs).toBe(30_000);
  });

  it('R2: jitter 1.0 is d + floor(f·d) with f from the seeded PRNG (Go truncates the Duration)', () => {
    const b = newBackoff(0);
    const rng = seedRng(99);
    const probe = seedRng(99);
    const f = nextFloat(probe);
    expect(nextBackoffDelay(b, 10, rng)).toBe(800 + Math.floor(f * 800));
    // exactly one PRNG draw per delay
    expect(rng).toEqual(probe);
  });

  it('R2: deterministic for a given seed and call times; another seed gives other delays', () => {
    const run = (seed: number) => {
      const b = newBackoff(0);
      const rng = seedRng(seed);
      return Array.from({ length: 10 }, (_, i) => nextBackoffDelay(b, i * 500, rng));
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it('R2 (v0.26): the sequence restarts at 800 ms after more than 2 min since the previous backoff', () => {
    const b = newBackoff(0);
    const rng = seedRng(1);
    for (let i = 0; i < 5; i++) nextBackoffDelay(b, 1000 * i, rng);
    expect(b.durationMs).toBe(25_600);
    // exactly 2 min later: not "more than", no reset
    nextBackoffDelay(b, 4000 + BACKOFF_RESET_MS, rng);
    expect(b.durationMs).toBe(30_000);
    const d = nextBackoffDelay(b, 4000 + 2 * BACKOFF_RESET_MS + 1, rng);
    expect(d).toBeGreaterThanOrEqual(800);
    expect(d).toBeLessThan(1600);
    expect(b.durationMs).toBe(1600);
  });

  it('R2 (v0.26): the reset window is measured from the previous backoff, not from the last reset', () => {
    // Failures every 100 s for 20 min: each gap is < 2 min, so 1.26 never resets (the newer DelayFunc,
    // which measures from the last reset, would restart at 800 ms after 2 min).
    const b = newBackoff(0);
    const rng = seedRng(5);
    const delays: number[] = [];
    for (let t = 100_000; t <= 1_200_000; t += 100_000) delays.push(nextBackoffDelay(b, t, rng));
    expect(delays.slice(6).every((d) => d >= 30_000 && d < 60_000)).toBe(true);
  });

  it('R2: the creation time counts as the previous backoff for the reset rule', () => {
    const b = newBackoff(1_000_000);
    expect(b.lastBackoffStart).toBe(1_000_000);
    b.durationMs = 12_800; // as if it had backed off before
    nextBackoffDelay(b, 1_000_000 + BACKOFF_RESET_MS, seedRng(1));
    expect(b.durationMs).toBe(25_600);
    b.lastBackoffStart = 0;
    nextBackoffDelay(b, BACKOFF_RESET_MS + 1, seedRng(1));
    expect(b.durationMs).toBe(1600);
  });

  it('R2: matches a naive reference model for random seeds and random gaps between failures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 110_000, max: 130_000 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (seed, gaps) => {
          const times: number[] = [];
          let t = 0;
          for (const g of gaps) {
            t += g;
            times.push(t);
          }
          const b = newBackoff(0);
          const rng = seedRng(seed);
          const got = times.map((now) => nextBackoffDelay(b, now, rng));
          expect(got).toEqual(referenceDelays(seed, 0, times));
          // and every delay lies in [base, 2·base) of its position since the last reset
          for (const d of got) {
            expect(d).toBeGreaterThanOrEqual(BACKOFF_INITIAL_MS);
            expect(d).toBeLessThan(2 * BACKOFF_CAP_MS);
          }
        },
      ),
      { seed: 20_260_101, numRuns: 300 },
    );
  });
});
