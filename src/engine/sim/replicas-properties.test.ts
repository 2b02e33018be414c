/**
 * Property tests with 2–3 apiserver replicas (S38): random fault schedules that include replica lags
 * (S39b) and restarts of one replica (S39c, S39d) on top of every other fault. Convergence: once faults
 * stop and the world is quiet, every informer's cache equals the server. Determinism: a seed replays to
 * the same trace, and a seek through the timeline's keyframes equals a fresh run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/scenario';
import type { TraceRecord } from '../model/trace';
import { createTimeline, freshRun, seek } from '../timeline/timeline';
import { createWorld } from './create-world';
import { cacheDiff, isQuiet, keysInProcess } from './invariants';
import { stepWorld } from './step';
import { randomHaScenario } from './test-scenarios';
import type { SimContext, World } from './world';

function runToQuiet(s: Scenario, untilMs: number, maxSteps = 400_000): World {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  while (w.now < untilMs && w.step < maxSteps) if (stepWorld(w, ctx) === null) break;
  while (!isQuiet(w) && w.step < maxSteps) if (stepWorld(w, ctx) === null) break;
  return w;
}

function trace(s: Scenario, steps: number, each?: (w: World) => void): TraceRecord[] {
  const w = createWorld(s);
  const ctx: SimContext = { scenario: s, script: [...s.script] };
  const out: TraceRecord[] = [];
  while (w.step < steps) {
    const r = stepWorld(w, ctx);
    if (r === null) break;
    for (const x of r) out.push(x);
    each?.(w);
  }
  return out;
}

describe('HA random fault schedules (replica lags and restarts included)', () => {
  it('use replicas: their faults and records appear', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 12; seed++)
      for (const r of trace(randomHaScenario(seed), 2500)) seen.add(r.message);
    for (const m of [
      'apiserver.connect',
      'apiserver.goaway',
      'fault.lag-replica',
      'fault.restart-replica',
      'apiserver.replica-started',
    ])
      expect(seen).toContain(m);
  });

  it('convergence: once faults stop and the world is quiet, every indexer equals the server', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const w = runToQuiet(randomHaScenario(seed), 40_000);
        expect(isQuiet(w)).toBe(true);
        expect(cacheDiff(w)).toEqual([]);
      }),
      { numRuns: 25, seed: 38 },
    );
  });

  it('W3 holds: a key is never processed by two workers at once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        trace(randomHaScenario(seed), 3000, (w) => {
          const keys = keysInProcess(w);
          expect(new Set(keys).size).toBe(keys.length);
        });
      }),
      { numRuns: 10, seed: 39 },
    );
  });

  it('determinism: the same seed gives the same trace; seek(n) through keyframes equals a fresh run', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 4 }),
        (seed, targets) => {
          const s = randomHaScenario(seed);
          expect(JSON.stringify(trace(s, 1500))).toBe(JSON.stringify(trace(s, 1500)));
          const tl = createTimeline(s, { keyframeInterval: 97 });
          for (const n of targets) {
            const { world } = seek(tl, n);
            expect(world).toEqual(freshRun(tl, world.step));
          }
        },
      ),
      { numRuns: 10, seed: 40 },
    );
  });
});
