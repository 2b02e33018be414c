/**
 * The v0.36.3 reflector's backoff (backoff-with-reset.ts): R2's sequence, and its reset measured from the
 * last reset, where v0.26's manager (backoff.ts) measures from the previous backoff.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedRng } from '../kernel/prng';
import { newBackoff, nextBackoffDelay } from './backoff';
import { BACKOFF_STEPS, newBackoffWithReset, nextDelayWithReset } from './backoff-with-reset';

describe('DelayWithReset (R2, v0.36.3)', () => {
  it('R2: Steps is ceil(30 s / 800 ms) = 38; delays fall in [0.8,1.6), … [25.6,51.2) s, then [30,60) s', () => {
    expect(BACKOFF_STEPS).toBe(38);
    const b = newBackoffWithReset(0);
    const rng = seedRng(3);
    const bounds = [800, 1600, 3200, 6400, 12_800, 25_600, 30_000, 30_000, 30_000, 30_000];
    let now = 0;
    for (const lo of bounds) {
      now += 1000;
      const d = nextDelayWithReset(b, now, rng);
      expect(Number.isInteger(d)).toBe(true);
      expect(d).toBeGreaterThanOrEqual(lo);
      expect(d).toBeLessThan(2 * lo);
    }
    expect(b.steps).toBe(0);
    expect(b.durationMs).toBe(30_000);
  });

  it('R2: steady failures every 90 s: v0.36.3 resets 2 min after the last reset, v0.26 never resets', () => {
    const modern = newBackoffWithReset(0);
    const classic = newBackoff(0);
    const rngA = seedRng(5);
    const rngB = seedRng(5);
    /** The base a delay was drawn from: [b, 2b) for b = 800·2^k are disjoint below the cap. */
    const baseOf = (d: number) => 800 * 2 ** Math.floor(Math.log2(d / 800));
    const modernBases: number[] = [];
    const classicBases: number[] = [];
    for (let i = 1; i <= 6; i++) {
      const now = i * 90_000;
      modernBases.push(baseOf(nextDelayWithReset(modern, now, rngA)));
      classicBases.push(baseOf(nextBackoffDelay(classic, now, rngB)));
    }
    // Calls at 90, 180, …, 540 s. More than 120 s since the last reset at 180 s (since creation at 0),
    // 360 s (since 180 s) and 540 s (since 360 s): the sequence starts again from 800 ms there.
    expect(modernBases).toEqual([800, 800, 1600, 800, 1600, 800]);
    // v0.26 compares with the previous backoff, 90 s earlier: it never resets.
    expect(classicBases).toEqual([800, 1600, 3200, 6400, 12_800, 25_600]);
  });

  it('property: every delay d has a base b in {800·2^k} ∪ {30000} with b ≤ d < 2b', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(300_000), { minLength: 1, maxLength: 30 }), fc.nat(1000), (gaps, seed) => {
        const b = newBackoffWithReset(0);
        const rng = seedRng(seed);
        let now = 0;
        for (const g of gaps) {
          now += g;
          const base = now - b.lastStart > 120_000 ? 800 : b.durationMs;
          const d = nextDelayWithReset(b, now, rng);
          expect(d).toBeGreaterThanOrEqual(base);
          expect(d).toBeLessThan(2 * base);
          expect([800, 1600, 3200, 6400, 12_800, 25_600, 30_000]).toContain(base);
        }
      }),
      { numRuns: 200 },
    );
  });
});
