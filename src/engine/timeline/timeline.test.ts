import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERAS, type Scenario } from '../model/scenario';
import { inEra, randomScenario } from '../sim/test-scenarios';
import { heldSharedBytes, restoreSteps, SPACING } from './keyframes';
import { createTimeline, fork, freshRun, keyframeIndexAt, seek } from './timeline';

/** More Foos make a restore cost more steps of replay (the cost model's R grows with the world). */
function withExtraFoos(s: Scenario, n: number): Scenario {
  const more = Array.from({ length: n }, (_, i) => ({
    ...s.objects[0]!,
    name: `extra-${i}`,
    spec: { deploymentName: `extra-${i}`, replicas: 1 },
  }));
  return { ...s, objects: [...s.objects, ...more] };
}

describe('timeline', () => {
  it.each(ERAS)('seek(n) equals a fresh replay to n, in any order of seeks (%s era)', (era) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 6 }),
        (seed, targets) => {
          const tl = createTimeline(inEra(randomScenario(seed), era), { keyframeInterval: 97 });
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

  it.each(ERAS)(
    'with keyframes spaced by the cost model, seek(n) equals a fresh replay to n (%s era)',
    (era) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 100_000 }),
          fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 6 }),
          (seed, targets) => {
            const tl = createTimeline(inEra(randomScenario(seed), era));
            for (const n of targets) {
              const { world } = seek(tl, n);
              expect(world).toEqual(freshRun(tl, world.step));
            }
            // Keyframes lie at increasing steps, each at least the minimum spacing after the previous.
            const steps = tl.keyframes.map((k) => k.step);
            for (let i = 1; i < steps.length; i++)
              expect(steps[i]! - steps[i - 1]!).toBeGreaterThanOrEqual(SPACING.min);
          },
        ),
        { numRuns: 8, seed: 13 },
      );
    },
  );

  it('a short seek forward replays on from the cursor across a keyframe when that costs less', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 80 }),
        fc.array(fc.integer({ min: -40, max: 60 }), { minLength: 4, maxLength: 30 }),
        (seed, extra, moves) => {
          const tl = createTimeline(withExtraFoos(randomScenario(seed), extra), { keyframeInterval: 20 });
          let n = 0;
          for (const d of moves) {
            n = Math.max(0, n + d);
            const before = tl.cursor;
            const from = before.step;
            const i = keyframeIndexAt(tl, n);
            const kfStep = tl.keyframes[i]!.step;
            const { world } = seek(tl, n);
            expect(world).toEqual(freshRun(tl, world.step));
            // The path the cost model picks: on from the cursor iff it is ahead of it and no later
            // keyframe is cheaper to restore.
            const onFromCursor = n >= from && kfStep - from <= restoreSteps(tl.keyframeCost[i]!.ns);
            expect(world === before).toBe(onFromCursor);
          }
        },
      ),
      { numRuns: 12, seed: 17 },
    );
    // The cursor path does cross keyframes. With 60 more Foos a restore costs a few steps of replay:
    // from a few steps before the keyframe at 40, a seek to 45 replays on from the cursor; from 21 it
    // restores that keyframe.
    const tl = createTimeline(withExtraFoos(randomScenario(1), 60), { keyframeInterval: 20 });
    seek(tl, 200);
    const cost = restoreSteps(tl.keyframeCost[keyframeIndexAt(tl, 40)]!.ns);
    expect(cost).toBeGreaterThan(2);
    expect(cost).toBeLessThan(19);
    seek(tl, 40 - Math.floor(cost));
    const near = tl.cursor;
    expect(seek(tl, 45).world).toBe(near);
    seek(tl, 21);
    const far = tl.cursor;
    expect(seek(tl, 45).world).not.toBe(far);
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

describe('the keyframes’ heap (keyframeBytes)', () => {
  it('counts each shard of the shared collections once, however many keyframes share it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 2500 }), { minLength: 1, maxLength: 5 }),
        (seed, targets) => {
          // Keyframes every 50 steps, seeks back and forth (restores) on the way: what each new keyframe
          // adds (the shards the cursor made since its last copy) must sum to an exact recount.
          const tl = createTimeline(randomScenario(seed), { keyframeInterval: 50 });
          for (const n of targets) seek(tl, n);
          let plain = 0;
          for (const c of tl.keyframeCost) plain += c.bytes;
          const shared = heldSharedBytes(tl.keyframeShared);
          expect(shared).toBeGreaterThan(0);
          expect(tl.keyframeBytes).toBe(plain + shared);
          // Sharing is real: the keyframes hold less than as many separate copies would.
          let separate = 0;
          for (const list of tl.keyframeShared) separate += heldSharedBytes([list]);
          if (tl.keyframes.length > 2) expect(shared).toBeLessThan(separate);
        },
      ),
      { numRuns: 10, seed: 21 },
    );
  });

  it('after an intervention drops the future, the count is of the keyframes kept', () => {
    const tl = createTimeline(randomScenario(5), { keyframeInterval: 40 });
    seek(tl, 1200);
    fork(tl, 300, (w) => ({ at: w.now, action: 'watchError', code: 410 }));
    let plain = 0;
    for (const c of tl.keyframeCost) plain += c.bytes;
    expect(tl.keyframeBytes).toBe(plain + heldSharedBytes(tl.keyframeShared));
    expect(tl.keyframeShared.length).toBe(tl.keyframes.length);
  });
});
