import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Intervention, InterventionAction } from '../model/session';
import { randomScenario } from '../sim/test-scenarios';
import { freshRun } from '../timeline/timeline';
import { goTo, replaySession } from './moves';
import { interveneAt, interventionsOf, marksOf, openRun, SessionError } from './run';

const ACTIONS: InterventionAction[] = [
  { action: 'compact' },
  { action: 'closeWatch' },
  { action: 'watchError', code: 410, kind: 'Foo' },
  { action: 'failReconciles', count: 2 },
  { action: 'apiErrors', code: 500, durationMs: 800 },
];

describe('a session replayed on a run', () => {
  it('equals the same interventions made by hand, and a fresh run of the resulting script', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: ACTIONS.length - 1 })),
          {
            maxLength: 4,
          },
        ),
        fc.integer({ min: 0, max: 400 }),
        (seed, raw, end) => {
          const scenario = randomScenario(seed);
          const ivs: Intervention[] = raw
            .map(([step, a]) => ({ step, action: ACTIONS[a]! }))
            .sort((a, b) => a.step - b.step);
          const byHand = openRun(scenario, { frameLimit: 50, keyframeInterval: 37 });
          for (const iv of ivs) {
            goTo(byHand, iv.step, 1_000_000);
            interveneAt(byHand, byHand.tl.cursor.step, iv.action);
          }
          goTo(byHand, Math.max(end, ivs.at(-1)?.step ?? 0), 1_000_000);
          const target = byHand.tl.cursor.step;
          const made = interventionsOf(byHand);

          const replayed = openRun(scenario, { frameLimit: 50, keyframeInterval: 37 });
          replaySession(replayed, made, target, 1_000_000);
          expect(replayed.tl.cursor).toEqual(byHand.tl.cursor);
          expect(interventionsOf(replayed)).toEqual(made);
          expect(marksOf(replayed).filter((m) => m.kind === 'intervention').length).toBe(made.length);
          expect(replayed.tl.cursor).toEqual(freshRun(replayed.tl, target));
        },
      ),
      { numRuns: 12, seed: 11 },
    );
  });

  it('an intervention at an earlier step drops the later ones and their script entries', () => {
    const r = openRun(randomScenario(3), { frameLimit: 50 });
    const scripted = r.tl.ctx.script.length;
    goTo(r, 100, 1000);
    interveneAt(r, 100, { action: 'compact' });
    goTo(r, 200, 1000);
    interveneAt(r, 200, { action: 'closeWatch' });
    interveneAt(r, 200, { action: 'failReconciles', count: 1 });
    expect(interventionsOf(r).map((i) => i.step)).toEqual([100, 200, 200]);
    expect(r.tl.ctx.script.length).toBe(scripted + 3);
    goTo(r, 150, 1000);
    interveneAt(r, 150, { action: 'compact' });
    expect(interventionsOf(r).map((i) => [i.step, i.action.action])).toEqual([
      [100, 'compact'],
      [150, 'compact'],
    ]);
    expect(r.tl.ctx.script.length).toBe(scripted + 2);
    expect([r.tl.known, r.tl.cursor.step]).toEqual([150, 150]);
    expect(marksOf(r).every((m) => m.step <= 150)).toBe(true);
  });

  it('refuses an intervention whose step the run cannot reach, or steps that go backwards', () => {
    const r = openRun(randomScenario(5), { frameLimit: 50 });
    expect(() => replaySession(r, [{ step: 500, action: { action: 'compact' } }], 600, 100)).toThrow(
      SessionError,
    );
    const r2 = openRun(randomScenario(5), { frameLimit: 50 });
    expect(() =>
      replaySession(
        r2,
        [
          { step: 50, action: { action: 'compact' } },
          { step: 20, action: { action: 'compact' } },
        ],
        60,
        1000,
      ),
    ).toThrow(/never decrease/);
  });
});
