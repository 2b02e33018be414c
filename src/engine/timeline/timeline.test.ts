import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomScenario } from '../sim/test-scenarios';
import { createTimeline, fork, freshRun, seek } from './timeline';

describe('timeline', () => {
  it('seek(n) equals a fresh replay to n, in any order of seeks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 6 }),
        (seed, targets) => {
          const tl = createTimeline(randomScenario(seed), { keyframeInterval: 97 });
          for (const n of targets) {
            const { world } = seek(tl, n);
            expect(world.step).toBe(n);
            expect(world).toEqual(freshRun(tl, n));
          }
        },
      ),
      { numRuns: 12, seed: 7 },
    );
  });

  it('seeking back and forth returns the same records for the same step', () => {
    const tl = createTimeline(randomScenario(3), { keyframeInterval: 50 });
    const a = JSON.stringify(seek(tl, 321).records);
    seek(tl, 10);
    seek(tl, 900);
    expect(JSON.stringify(seek(tl, 321).records)).toBe(a);
  });

  it("a seek that lands exactly on a keyframe step still returns that step's records", () => {
    const tl = createTimeline(randomScenario(5), { keyframeInterval: 50 });
    seek(tl, 180);
    const fresh = JSON.stringify(seek(tl, 100).records);
    seek(tl, 180);
    const again = seek(tl, 150).records;
    expect(again.length).toBeGreaterThan(0);
    expect(again.every((r) => r.step === 150)).toBe(true);
    expect(JSON.stringify(seek(tl, 100).records)).toBe(fresh);
  });

  it('an intervention forks at step n and replays identically from a fresh start', () => {
    const tl = createTimeline(randomScenario(11), { keyframeInterval: 40 });
    seek(tl, 600);
    fork(tl, 250, (w) => ({ at: w.now, action: 'watchError', code: 410 }));
    const forked = seek(tl, 700).world;
    expect(forked).toEqual(freshRun(tl, 700));
    // The fork changed the future: the original scenario's run differs after the intervention.
    const original = createTimeline(randomScenario(11), { keyframeInterval: 40 });
    expect(seek(original, 700).world).not.toEqual(forked);
  });
});
